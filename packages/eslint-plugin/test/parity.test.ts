import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../apps/cli/src/run.js';
import lkip, { UNUSED_DIRECTIVE_RULE } from '../src/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = join(ROOT, 'fixtures');
const SEED = resolve(ROOT, '../shared/seed/lkip-bnnp-ntt-2024.md');

/** Every text draft under fixtures/ (README and PLANTED files describe fixtures, they are not drafts). */
function fixtureDrafts(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...fixtureDrafts(path));
    else if (/\.(md|markdown|txt)$/i.test(entry.name) && !/^(README|PLANTED)\.md$/i.test(entry.name)) found.push(path);
  }
  return found.sort();
}

const drafts = fixtureDrafts(FIXTURES);
if (!existsSync(SEED)) console.warn(`Skipping the seed draft in the ESLint parity test: ${SEED} does not exist (../shared is absent).`);
else drafts.push(SEED);

interface Comparable {
  ruleId: string | null;
  severity: number;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: { range: [number, number]; text: string };
  suggestions?: { desc: string; messageId?: string; fix: { range: [number, number]; text: string } }[];
}

interface LkipJsonMessage extends Comparable {
  ruleId: string | null;
}

/** `lkip lint --format json`'s message, named as ESLint names it (`lkip/<id>`). */
function fromLkip(m: LkipJsonMessage): Comparable {
  const unused = m.ruleId === null && (m.messageId === 'unusedDisableDirective' || m.messageId === 'unusedEnableDirective');
  const ruleId = m.ruleId !== null ? `lkip/${m.ruleId}` : unused ? `lkip/${UNUSED_DIRECTIVE_RULE}` : null;
  // A rule that threw has no messageId in lkip's output; ESLint needs one and gets `ruleFailed`.
  const messageId = ruleId === null ? undefined : (m.messageId ?? 'ruleFailed');
  return normalise({ ...m, ruleId, messageId });
}

function fromEslint(m: Linter.LintMessage): Comparable {
  return normalise({
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    ...(m.messageId !== undefined ? { messageId: m.messageId } : {}),
    line: m.line,
    column: m.column,
    ...(m.endLine !== undefined ? { endLine: m.endLine } : {}),
    ...(m.endColumn !== undefined ? { endColumn: m.endColumn } : {}),
    ...(m.fix ? { fix: { range: m.fix.range, text: m.fix.text } } : {}),
    ...(m.suggestions ? { suggestions: m.suggestions.map((s) => ({ desc: s.desc, ...(s.messageId !== undefined ? { messageId: s.messageId } : {}), fix: { range: s.fix.range, text: s.fix.text } })) } : {}),
  });
}

function normalise(m: Comparable): Comparable {
  const out: Comparable = { ruleId: m.ruleId, severity: m.severity, message: m.message, line: m.line, column: m.column };
  if (m.messageId !== undefined) out.messageId = m.messageId;
  if (m.endLine !== undefined) out.endLine = m.endLine;
  if (m.endColumn !== undefined) out.endColumn = m.endColumn;
  if (m.fix) out.fix = { range: [m.fix.range[0], m.fix.range[1]], text: m.fix.text };
  if (m.suggestions && m.suggestions.length > 0) {
    out.suggestions = m.suggestions.map((s) => ({ desc: s.desc, ...(s.messageId !== undefined ? { messageId: s.messageId } : {}), fix: { range: [s.fix.range[0], s.fix.range[1]], text: s.fix.text } }));
  }
  return out;
}

function sorted(messages: Comparable[]): Comparable[] {
  return [...messages].sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? '') || a.message.localeCompare(b.message));
}

interface LkipRun {
  code: number;
  messages: Comparable[];
  output?: string;
}

async function lkipLint(path: string, extra: string[] = []): Promise<LkipRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(['lint', '--format', 'json', ...extra, path], { cwd: ROOT, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  // Exit 2 is lkip's refusal of a file that is no LKIP draft: one line on stderr, nothing to compare.
  if (code === 2) expect(stderr).toMatch(/not an LKIP draft|bukan draf LKIP/);
  if (code === 2) return { code, messages: [] };
  const [result] = JSON.parse(stdout) as { messages: LkipJsonMessage[]; output?: string }[];
  // Info-level notes (an excerpt's missing checks) have no ESLint severity; ESLint shows warnings and errors.
  const messages = (result?.messages ?? []).filter((m) => m.severity > 0).map(fromLkip);
  return { code, messages, ...(result?.output !== undefined ? { output: result.output } : {}) };
}

// `.txt` drafts too: the recommended config leaves them out only because editors rarely mean drafts by them.
const config: Linter.Config[] = [{ ...lkip.configs.recommended, files: ['**/*.md', '**/*.markdown', '**/*.txt'] } as Linter.Config];

describe('eslint with lkip.configs.recommended and lkip lint', () => {
  let results: Map<string, ESLint.LintResult>;
  let fixed: Map<string, ESLint.LintResult>;
  beforeAll(async () => {
    results = new Map();
    fixed = new Map();
    // ESLint ignores files outside its cwd, and the seed draft lives beside the repository.
    const byBase = new Map<string, string[]>();
    for (const d of drafts) {
      const cwd = d.startsWith(ROOT) ? ROOT : dirname(d);
      byBase.set(cwd, [...(byBase.get(cwd) ?? []), d]);
    }
    for (const [cwd, files] of byBase) {
      const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, ignore: false });
      for (const r of await eslint.lintFiles(files)) results.set(r.filePath, r);
      const fixing = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, ignore: false, fix: true });
      for (const r of await fixing.lintFiles(files)) fixed.set(r.filePath, r);
    }
  }, 300_000);

  it('covers the fixtures', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(30);
    expect([...results.keys()].sort()).toEqual([...drafts].sort());
  });

  it.each(drafts.map((d) => [relative(ROOT, d), d]))('gives the same findings, positions, fixes and suggestions on %s', async (_label, path) => {
    const ours = await lkipLint(path);
    const theirs = results.get(path);
    expect(theirs).toBeDefined();
    const eslintMessages = sorted((theirs?.messages ?? []).map(fromEslint));
    // lkip refuses a file that is no LKIP draft (exit 2); ESLint, walking a folder, says nothing about it.
    expect(eslintMessages).toEqual(sorted(ours.messages));
    // --fix: the same corrected text (ESLint sets `output` only when it changed something, as lkip does).
    const dryRun = ours.code === 2 ? undefined : (await lkipLint(path, ['--fix-dry-run'])).output;
    expect(fixed.get(path)?.output).toEqual(dryRun);
  });

  it('finds something to compare: most drafts have findings, and fixes and suggestions occur', () => {
    const all = [...results.values()].flatMap((r) => r.messages);
    expect(all.length).toBeGreaterThan(100);
    expect(all.some((m) => m.fix)).toBe(true);
    expect(all.some((m) => m.suggestions && m.suggestions.length > 0)).toBe(true);
  });
});
