import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { buildResult, type FindingSubject, type LintMessage, type LintResult } from '@lkip/engine';
import { CliError, describeFsError } from './errors.js';
import { sourceLines } from './formatters/code-frame.js';
import { findingFingerprint } from './identity.js';
import { TOOL_NAME } from './tool.js';

/**
 * `--baseline`: the findings a team has accepted, so that a draft with known, explained
 * differences can still gate new ones in CI (ESLint's bulk suppressions, SARIF baselines).
 * A finding is known by its fingerprint (rule, indicator, unit, role; see identity.ts), not
 * its line, so edits above it do not bring it back. A fingerprint seen N times suppresses up
 * to N findings: when the draft gains a copy of an accepted error, the copy is reported.
 */

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  count: number;
  ruleId: string | null;
  messageId?: string;
  /** What the finding is about, for a reviewer reading the file; not used for matching. */
  subject?: FindingSubject;
}

export interface BaselineFile {
  version: typeof BASELINE_VERSION;
  tool: string;
  /** By draft path relative to the baseline file's folder, `/`-separated; then by fingerprint. */
  files: Record<string, Record<string, BaselineEntry>>;
}

/** The key of a draft in the baseline: stable whichever folder lkip runs from. */
export function baselineKey(filePath: string, baselinePath: string): string {
  if (!isAbsolute(filePath)) return filePath;
  const rel = relative(dirname(baselinePath), filePath);
  return rel.split(sep).join('/');
}

/** Messages a baseline may hold: findings of rules. A draft that could not be read is never "accepted". */
function baselinable(m: LintMessage): boolean {
  return !m.fatal;
}

function fingerprintsOf(result: LintResult): (string | undefined)[] {
  const text = result.output ?? result.source;
  const lines = text === undefined ? undefined : sourceLines(text);
  return result.messages.map((m) => (baselinable(m) ? findingFingerprint(m, lines) : undefined));
}

export function createBaseline(results: readonly LintResult[], baselinePath: string): BaselineFile {
  const files: BaselineFile['files'] = {};
  for (const result of results) {
    const prints = fingerprintsOf(result);
    const entries: Record<string, BaselineEntry> = {};
    result.messages.forEach((m, i) => {
      const print = prints[i];
      if (print === undefined) return;
      const entry = entries[print];
      if (entry) {
        entry.count++;
        return;
      }
      const created: BaselineEntry = { count: 1, ruleId: m.ruleId };
      if (m.messageId !== undefined) created.messageId = m.messageId;
      if (m.subject) created.subject = { ...m.subject };
      entries[print] = created;
    });
    if (Object.keys(entries).length > 0) files[baselineKey(result.filePath, baselinePath)] = entries;
  }
  return { version: BASELINE_VERSION, tool: TOOL_NAME, files };
}

/** Keys sorted at every level, two-space indent, final newline: a re-run with no change is no diff. */
export function stringifyBaseline(baseline: BaselineFile): string {
  return `${JSON.stringify(sortKeys(baseline), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

export async function readBaseline(path: string, label: string): Promise<BaselineFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`${label}: cannot read baseline file: ${describeFsError(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${label}: invalid baseline file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const file = parsed as Partial<BaselineFile> | null;
  if (!file || typeof file !== 'object' || file.version !== BASELINE_VERSION || !file.files || typeof file.files !== 'object') {
    throw new CliError(`${label}: not an lkip baseline file (expected {"version": ${BASELINE_VERSION}, "files": {…}}); write one with --write-baseline`);
  }
  for (const [key, entries] of Object.entries(file.files)) {
    for (const [print, entry] of Object.entries(entries ?? {})) {
      if (!entry || typeof entry !== 'object' || !Number.isInteger(entry.count) || entry.count < 1) {
        throw new CliError(`${label}: invalid baseline entry ${key} → ${print}: "count" must be a whole number of at least 1`);
      }
    }
  }
  return file as BaselineFile;
}

/** The result without the findings the baseline accepts; `suppressed` counts what was left out. */
export function applyBaseline(result: LintResult, baseline: BaselineFile, baselinePath: string): { result: LintResult; suppressed: number } {
  const accepted = baseline.files[baselineKey(result.filePath, baselinePath)];
  if (!accepted || result.messages.length === 0) return { result, suppressed: 0 };
  const left = new Map<string, number>(Object.entries(accepted).map(([print, entry]) => [print, entry.count]));
  const prints = fingerprintsOf(result);
  const kept: LintMessage[] = [];
  result.messages.forEach((m, i) => {
    const print = prints[i];
    const remaining = print === undefined ? 0 : (left.get(print) ?? 0);
    if (print !== undefined && remaining > 0) left.set(print, remaining - 1);
    else kept.push(m);
  });
  const suppressed = result.messages.length - kept.length;
  if (suppressed === 0) return { result, suppressed };
  const extra: { output?: string; source?: string } = {};
  if (result.output !== undefined) extra.output = result.output;
  if (result.source !== undefined && kept.length > 0) extra.source = result.source;
  return { result: buildResult(result.filePath, kept, extra), suppressed };
}
