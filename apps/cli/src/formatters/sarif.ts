import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintMessage, RuleMeta } from '@lkip/engine';
import { findingFingerprint } from '../identity.js';
import type { LocatedMessage } from '../word-locations.js';
import { RULE_DOCS_DIR, TOOL_INFORMATION_URI, TOOL_NAME } from '../tool.js';
import { sourceLines } from './code-frame.js';
import type { Formatter, FormatterContext } from './types.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';
/** Bump when what goes into the fingerprint changes: code scanning would see every finding as new. */
const FINGERPRINT_KEY = 'lkip/v1';

/**
 * SARIF 2.1.0 for code-scanning dashboards. Fingerprints come from what a finding is about
 * (rule, indicator, unit, role), not from its line, so adding a paragraph above a finding that
 * was dismissed does not bring it back.
 */
export const sarif: Formatter = (results, context) => {
  const ruleIds = Object.keys(context.rulesMeta);
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const sarifResults: Record<string, unknown>[] = [];
  for (const result of results) {
    const artifact = artifactLocation(result.filePath, context);
    const text = result.output ?? result.source;
    const lines = text === undefined ? undefined : sourceLines(text);
    const seen = new Map<string, number>();
    for (const m of result.messages) {
      const entry: Record<string, unknown> = {};
      if (m.ruleId) {
        entry.ruleId = m.ruleId;
        const index = ruleIndex.get(m.ruleId);
        if (index !== undefined) entry.ruleIndex = index;
      }
      entry.level = level(m);
      entry.message = { text: m.message };
      const { location } = m as LocatedMessage;
      // The region is in the converted text of a Word draft; the location message says where in Word.
      entry.locations = [{ physicalLocation: { artifactLocation: artifact, region: region(m) }, ...(location !== undefined ? { message: { text: location } } : {}) }];
      if (m.related && m.related.length > 0) {
        entry.relatedLocations = m.related.map((r, id) => ({
          id,
          message: { text: r.message },
          physicalLocation: { artifactLocation: artifact, region: region(r) },
        }));
      }
      let print = findingFingerprint(m, lines);
      // Two findings with one identity in one file (a figure repeated in a table) stay apart by
      // order of appearance, which an inserted line does not change.
      const count = (seen.get(print) ?? 0) + 1;
      seen.set(print, count);
      if (count > 1) print = `${print}:${count}`;
      entry.partialFingerprints = { [FINGERPRINT_KEY]: print };
      if (m.fix) entry.fixes = [fixOf(m, artifact)];
      sarifResults.push(entry);
    }
  }

  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: TOOL_NAME,
        version: context.toolVersion,
        semanticVersion: context.toolVersion,
        informationUri: TOOL_INFORMATION_URI,
        rules: ruleIds.map((id) => describeRule(id, context.rulesMeta[id])),
      },
    },
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.cwd) } },
    columnKind: 'utf16CodeUnits',
    results: sarifResults,
  };
  return JSON.stringify({ version: '2.1.0', $schema: SARIF_SCHEMA, runs: [run] }, null, 2);
};

function describeRule(id: string, meta: RuleMeta<unknown> | undefined): Record<string, unknown> {
  const doc = `${RULE_DOCS_DIR}/${id}.md`;
  const rule: Record<string, unknown> = {
    id,
    shortDescription: { text: meta?.docs.description ?? id },
    help: { text: `See ${doc}`, markdown: `See [${doc}](${doc}).` },
    defaultConfiguration: { level: meta?.defaultSeverity === 'warn' ? 'warning' : 'error' },
  };
  if (meta) {
    rule.fullDescription = { text: meta.docs.description };
    rule.properties = { family: meta.family, fixable: meta.fixable, descriptionId: meta.docs.descriptionId };
  }
  return rule;
}

function level(m: LintMessage): 'error' | 'warning' | 'note' {
  return m.severity === 2 || m.fatal ? 'error' : m.severity === 1 ? 'warning' : 'note';
}

interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function region(s: Span): Record<string, number> {
  // SARIF lines and columns start at 1; a message without a place (0) points at the file's start.
  const startLine = Math.max(1, s.line || 1);
  const startColumn = Math.max(1, s.column || 1);
  const endLine = Math.max(startLine, s.endLine || startLine);
  const endColumn = endLine === startLine ? Math.max(startColumn, s.endColumn || startColumn) : Math.max(1, s.endColumn || 1);
  return { startLine, startColumn, endLine, endColumn };
}

function fixOf(m: LintMessage, artifact: Record<string, unknown>): Record<string, unknown> {
  const [start, end] = m.fix?.range ?? [0, 0];
  return {
    description: { text: m.message },
    artifactChanges: [
      {
        artifactLocation: artifact,
        replacements: [{ deletedRegion: { charOffset: start, charLength: end - start }, insertedContent: { text: m.fix?.text ?? '' } }],
      },
    ],
  };
}

function artifactLocation(filePath: string, context: FormatterContext): Record<string, unknown> {
  if (!isAbsolute(filePath)) return { uri: encodeUriPath(filePath.split(sep).join('/')) };
  const rel = relative(context.cwd, filePath);
  if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) {
    return { uri: encodeUriPath(rel.split(sep).join('/')), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(filePath).href };
}

function encodeUriPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

