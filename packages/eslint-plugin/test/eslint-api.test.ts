import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../apps/cli/src/run.js';
import lkip, { fromLkipConfig } from '../src/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PACKAGE = fileURLToPath(new URL('../', import.meta.url));

/**
 * Two office tables: the first wrong row sits inside an lkip-disable block (silenced), the
 * second is reported with its fix; one disable comment silences nothing, one names no rule.
 */
const DRAFT = `Capaian kinerja tahun 2024.

<!-- lkip-disable capaian-mismatch -- angka dari portal kementerian -->

No\tSatker\tTarget\tRealisasi\tCapaian (%)
1\tBNNP Contoh\t80\t88\t120.00
2\tBNNK Pesisir\t90\t81\t90.00

<!-- lkip-enable capaian-mismatch -->

No\tSatker\tTarget\tRealisasi\tCapaian (%)
1\tBNNK Hulu\t50\t45\t80.00
2\tBNNK Lembah\t40\t44\t110.00

<!-- lkip-disable year-mismatch -->
<!-- lkip-disable-next-line no-such-rule -->
`;

const FIXED = DRAFT.replace('50\t45\t80.00', '50\t45\t90.00').replace('<!-- lkip-disable year-mismatch -->\n', '');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lkip-eslint-'));
  writeFileSync(join(dir, 'draft.md'), DRAFT);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function eslintWith(config: Linter.Config[], options: ESLint.Options = {}): ESLint {
  return new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, ...options });
}

const recommended = lkip.configs.recommended as Linter.Config;

describe('ESLint Node API with lkip.configs.recommended', () => {
  it('reports findings, applies lkip-disable comments and reports the ones that silence nothing', async () => {
    const [result] = await eslintWith([recommended]).lintFiles(['draft.md']);
    const found = result?.messages.map((m) => [m.line, m.column, m.ruleId, m.severity, m.messageId]);
    expect(found).toEqual([
      [12, 19, 'lkip/capaian-mismatch', 2, 'mismatch'],
      [15, 1, 'lkip/unused-directive', 1, 'unusedDisableDirective'],
      // A comment naming no rule: an error without a rule, as `lkip lint` gives it.
      [16, 1, null, 2, undefined],
    ]);
    expect(result?.messages[0]?.message).toBe('BNNK Hulu: capaian 80,00, padahal realisasi 45 / target 50 = 90,00 %.');
    expect(result?.messages[0]?.fix).toEqual({ range: [DRAFT.indexOf('80.00'), DRAFT.indexOf('80.00') + 5], text: '90.00' });
    expect(result?.messages[2]?.message).toBe("Definisi aturan 'no-such-rule' tidak ditemukan.");
    expect(result?.fixableErrorCount).toBe(1);
  });

  it('writes fixes with fix: true and ESLint.outputFixes, and the fixed draft lints clean of them', async () => {
    const eslint = eslintWith([recommended], { fix: true });
    const results = await eslint.lintFiles(['draft.md']);
    expect(results[0]?.output).toBe(FIXED);
    await ESLint.outputFixes(results);
    expect(readFileSync(join(dir, 'draft.md'), 'utf8')).toBe(FIXED);
    const [again] = await eslintWith([recommended]).lintFiles(['draft.md']);
    expect(again?.messages.map((m) => m.ruleId)).toEqual([null]);
  });

  it('turns a rule off, changes its severity and words messages in English through languageOptions', async () => {
    const [off] = await eslintWith([recommended, { rules: { 'lkip/capaian-mismatch': 'off' } }]).lintFiles(['draft.md']);
    // Off in ESLint means not run by lkip: the block comment around the first table now silences nothing.
    expect(off?.messages.map((m) => [m.line, m.ruleId])).toEqual([
      [3, 'lkip/unused-directive'],
      [15, 'lkip/unused-directive'],
      [16, null],
    ]);
    const [warn] = await eslintWith([recommended, { rules: { 'lkip/capaian-mismatch': 'warn' }, languageOptions: { locale: 'en' } }]).lintFiles(['draft.md']);
    expect(warn?.messages[0]).toMatchObject({ ruleId: 'lkip/capaian-mismatch', severity: 1, message: 'BNNK Hulu: achievement 80.00, but realisation 45 / target 50 = 90.00 %.' });
  });

  it('reads a project with its lkip.config.json as lkip lint --config does (fromLkipConfig)', async () => {
    const settings = { rules: { 'capaian-mismatch': 'warn' as const }, reportUnusedDisableDirectives: 'off' as const, rounding: 'nearest' as const };
    writeFileSync(join(dir, 'lkip.config.json'), JSON.stringify(settings));
    let stdout = '';
    const code = await run(['lint', '--format', 'json', '--config', 'lkip.config.json', 'draft.md'], { cwd: dir, stdout: (s) => (stdout += s), stderr: () => undefined });
    expect(code).toBe(1);
    const expected = (JSON.parse(stdout) as ESLint.LintResult[])[0]?.messages.filter((m) => m.severity > 0).map((m) => [m.line, m.column, m.ruleId && `lkip/${m.ruleId}`, m.severity, m.message]);
    const [result] = await eslintWith([recommended, fromLkipConfig(settings) as Linter.Config]).lintFiles(['draft.md']);
    expect(result?.messages.map((m) => [m.line, m.column, m.ruleId, m.severity, m.message])).toEqual(expected);
    expect(expected?.map((m) => m[2])).toEqual(['lkip/capaian-mismatch', null]);
  });

  it('ignores lkip-disable comments under noInlineConfig, as ESLint does its own', async () => {
    const [result] = await eslintWith([recommended, { linterOptions: { noInlineConfig: true } }]).lintFiles(['draft.md']);
    const errors = result?.messages.filter((m) => m.ruleId === 'lkip/capaian-mismatch').map((m) => m.line);
    expect(errors).toEqual([6, 12]);
    // ESLint's own note on each comment that had no effect.
    expect(result?.messages.filter((m) => m.ruleId === null && /has no effect/.test(m.message))).toHaveLength(4);
  });

  it('rejects unknown language options and bad rule options as config errors', async () => {
    await expect(eslintWith([recommended, { languageOptions: { locales: 'en' } }]).lintFiles(['draft.md'])).rejects.toThrow(/Unknown language option "locales"/);
    await expect(eslintWith([recommended, { languageOptions: { profile: 'nope' } }]).lintFiles(['draft.md'])).rejects.toThrow(/unknown agency profile "nope"/);
    await expect(eslintWith([recommended, { rules: { 'lkip/year-mismatch': ['error', { checkYearLists: 'yes' }] } }]).lintFiles(['draft.md'])).rejects.toThrow(/lkip\/year-mismatch[\s\S]*should be boolean/);
  });

  it('says nothing about Markdown that is not an LKIP draft', async () => {
    writeFileSync(join(dir, 'README.md'), '# Notes\n\nHow we write our reports.\n');
    const [result] = await eslintWith([recommended]).lintFiles(['README.md']);
    expect(result?.messages).toEqual([]);
  });

  it('lints the text an editor sends (lintText with a file path), CRLF line ends included', async () => {
    const crlf = DRAFT.replace(/\n/g, '\r\n');
    const [result] = await eslintWith([recommended]).lintText(crlf, { filePath: join(dir, 'draft.md') });
    const finding = result?.messages.find((m) => m.ruleId === 'lkip/capaian-mismatch');
    expect(finding).toMatchObject({ line: 12, column: 19 });
    // The fix's offsets count the CRs before it.
    expect(crlf.slice(finding?.fix?.range[0], finding?.fix?.range[1])).toBe('80.00');
  });
});

const ESLINT_BIN = join(ROOT, 'node_modules/eslint/bin/eslint.js');
const built = existsSync(join(PACKAGE, 'dist/index.js'));
if (!built) console.warn('Skipping the `npx eslint` tests: packages/eslint-plugin/dist does not exist; run `pnpm build` first.');

describe.skipIf(!built)('the eslint command with the built plugin, as a project installs it', () => {
  beforeEach(() => {
    // What `npm install -D @lkip/eslint-plugin` leaves: the package under node_modules.
    mkdirSync(join(dir, 'node_modules/@lkip'), { recursive: true });
    symlinkSync(PACKAGE, join(dir, 'node_modules/@lkip/eslint-plugin'), 'dir');
    writeFileSync(join(dir, 'eslint.config.js'), "import lkip from '@lkip/eslint-plugin';\n\nexport default [lkip.configs.recommended];\n");
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  });

  const eslint = (args: string[]) => spawnSync(process.execPath, [ESLINT_BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('`eslint draft.md` reports and exits 1; `eslint --fix draft.md` writes the fixes', () => {
    const lint = eslint(['--format', 'json', 'draft.md']);
    expect(lint.status).toBe(1);
    const [result] = JSON.parse(lint.stdout) as ESLint.LintResult[];
    expect(result?.messages.map((m) => m.ruleId)).toEqual(['lkip/capaian-mismatch', 'lkip/unused-directive', null]);

    const fix = eslint(['--fix', 'draft.md']);
    // The comment naming an unknown rule is still an error after fixing.
    expect(fix.status).toBe(1);
    expect(readFileSync(join(dir, 'draft.md'), 'utf8')).toBe(FIXED);
  });
});
