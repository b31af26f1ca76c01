import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { groupFindings, type FindingGroup, type LintMessage, type RuleMeta, type Span } from '@lkip/engine/light';
import type { LocatedMessage } from '../word-locations.js';
import { RULE_DOCS_DIR, ruleDocUri, TOOL_INFORMATION_URI, TOOL_NAME } from '../tool.js';
import type { Formatter, FormatterContext } from './types.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';
/** Bump when what goes into the fingerprint changes: code scanning would see every problem as new. */
const FINGERPRINT_KEY = 'lkip/group/v1';

/**
 * SARIF 2.1.0 for code-scanning dashboards: one result per problem, that is per group of
 * findings one wrong figure explains (@lkip/engine's groups). The result stands at the headline
 * finding; the other places of the wrong figure, the places that state it right and the
 * findings that follow from it are its relatedLocations; its one fingerprint is the group's id,
 * built from what the problem is about (rule, indicator, office, role, figures), not from its
 * line, so adding a paragraph above a problem that was dismissed does not bring it back.
 */
export const sarif: Formatter = (results, context) => {
  const ruleIds = Object.keys(context.rulesMeta);
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const sarifResults: Record<string, unknown>[] = [];
  for (const result of results) {
    const artifact = artifactLocation(result.filePath, context);
    const text = result.output ?? result.source;
    const groups = result.groups ?? groupFindings(result.messages, text === undefined ? {} : { text }).groups;
    for (const group of groups) {
      const m = result.messages[group.headline] as LintMessage;
      const members = group.messages.map((i) => result.messages[i] as LintMessage);
      const entry: Record<string, unknown> = {};
      if (m.ruleId) {
        entry.ruleId = m.ruleId;
        const index = ruleIndex.get(m.ruleId);
        if (index !== undefined) entry.ruleIndex = index;
      }
      entry.level = level(members.reduce((worst, f) => (f.severity > worst.severity || f.fatal ? f : worst), m));
      entry.message = { text: m.message };
      entry.locations = [locationOf(m, artifact)];
      const related = relatedOf(group, result.messages, artifact);
      if (related.length > 0) entry.relatedLocations = related;
      entry.partialFingerprints = { [FINGERPRINT_KEY]: group.id };
      const fixes = members.filter((f) => f.fix);
      if (fixes.length > 0) entry.fixes = [fixOf(m, fixes, artifact)];
      entry.properties = {
        group: group.id,
        kind: group.kind,
        findings: group.messages.length,
        rules: [...new Set(members.map((f) => f.ruleId).filter((id): id is string => id !== null))],
        ...(group.culprit ? { culprit: { confidence: group.culprit.confidence, ...(group.culprit.stated !== undefined ? { stated: group.culprit.stated } : {}), ...(group.culprit.expected !== undefined ? { expected: group.culprit.expected } : {}) } } : {}),
      };
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

/** Where a finding stands; for a Word draft or a PDF also where in the document. */
function locationOf(m: LintMessage, artifact: Record<string, unknown>): Record<string, unknown> {
  const { location, page, bbox } = m as LocatedMessage;
  // The region is in the converted text of a Word draft or a PDF; the location message says where in the document.
  return {
    physicalLocation: { artifactLocation: artifact, region: region(m) },
    ...(location !== undefined ? { message: { text: location } } : {}),
    // SARIF has no page: the PDF page and box travel as properties of the location.
    ...(page !== undefined ? { properties: { page, ...(bbox !== undefined ? { bbox } : {}) } } : {}),
  };
}

/**
 * Every other place of a problem, once: the wrong figure's other places, the places that state
 * it right, the headline's own related places, and the findings that follow from it (with their messages).
 */
function relatedOf(group: FindingGroup, messages: readonly LintMessage[], artifact: Record<string, unknown>): Record<string, unknown>[] {
  const headline = messages[group.headline] as LintMessage;
  const seen = new Set<string>([spanKey(headline)]);
  const out: Record<string, unknown>[] = [];
  const add = (s: Span, message: string) => {
    const key = spanKey(s);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ id: out.length, message: { text: message }, physicalLocation: { artifactLocation: artifact, region: region(s) } });
  };
  for (const i of group.messages) {
    const m = messages[i] as LintMessage;
    if (i !== group.headline) add(m, m.message);
  }
  for (const place of group.agreeing) add(place, [place.note, place.text].filter(Boolean).join(': '));
  for (const r of headline.related ?? []) add(r, r.message);
  return out;
}

function spanKey(s: Span): string {
  return `${s.line}:${s.column}-${s.endLine}:${s.endColumn}`;
}

function describeRule(id: string, meta: RuleMeta<unknown> | undefined): Record<string, unknown> {
  const doc = `${RULE_DOCS_DIR}/${id}.md`;
  const rule: Record<string, unknown> = {
    id,
    shortDescription: { text: meta?.docs.description ?? id },
    help: { text: `See ${doc}`, markdown: `See [${doc}](${doc}).` },
    helpUri: ruleDocUri(id),
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

function region(s: Span): Record<string, number> {
  // SARIF lines and columns start at 1; a message without a place (0) points at the file's start.
  const startLine = Math.max(1, s.line || 1);
  const startColumn = Math.max(1, s.column || 1);
  const endLine = Math.max(startLine, s.endLine || startLine);
  const endColumn = endLine === startLine ? Math.max(startColumn, s.endColumn || startColumn) : Math.max(1, s.endColumn || 1);
  return { startLine, startColumn, endLine, endColumn };
}

/** The safe fixes of a problem's findings, applied together. */
function fixOf(headline: LintMessage, fixed: readonly LintMessage[], artifact: Record<string, unknown>): Record<string, unknown> {
  const replacements = fixed.map((m) => {
    const [start, end] = m.fix?.range ?? [0, 0];
    return { deletedRegion: { charOffset: start, charLength: end - start }, insertedContent: { text: m.fix?.text ?? '' } };
  });
  return { description: { text: headline.message }, artifactChanges: [{ artifactLocation: artifact, replacements }] };
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

