import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../', import.meta.url));
const built = existsSync(join(CLI, 'dist/index.js')) && existsSync(join(CLI, 'dist/index.d.ts'));
if (!built) console.warn('Skipping the library API tests: apps/cli/dist does not exist; run `pnpm build` first.');

/** The ```js blocks of the README's "Library API" section, in order. */
function readmeExamples(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('### Library API');
  const end = readme.indexOf('\n## ', start);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

/**
 * A project that installed @lkip/cli: the built package under node_modules (its own
 * dependencies resolve from where it really lives), and the repository's fixtures beside it so
 * the README's paths work as written.
 */
describe.skipIf(!built)('the library API, imported from the built package as a consumer does', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    mkdirSync(join(dir, 'node_modules/@lkip'), { recursive: true });
    symlinkSync(CLI, join(dir, 'node_modules/@lkip/cli'), 'dir');
    symlinkSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'), 'dir');
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  });
  afterAll(() => cleanup());

  const node = (file: string) => spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  const examples = readmeExamples();
  it('has one README example per function', () => {
    expect(examples).toHaveLength(4);
    for (const [i, name] of ['lintText', 'lintFile', 'extract', 'compare'].entries()) expect(examples[i]).toContain(`import { ${name}`);
  });

  it.each(examples.map((code, i) => [i + 1, code]))('runs README example %i as written', (i, code) => {
    writeFileSync(join(dir, `example-${i}.mjs`), code as string);
    const r = node(`example-${i}.mjs`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().length).toBeGreaterThan(0);
  });

  it('gives what `lkip lint`, `lkip extract` and `lkip compare` give', () => {
    writeFileSync(
      join(dir, 'consumer.mjs'),
      `import { readFile } from 'node:fs/promises';
import { lintText, lintFile, extract, extractFile, compare, CliError } from '@lkip/cli';
const out = {};
const ntt = await readFile('fixtures/ntt-2024/draft.md', 'utf8');
const linted = await lintText(ntt, { filePath: 'fixtures/ntt-2024/draft.md' });
out.lintText = linted.messages.map((m) => [m.ruleId, m.line, m.column, m.message]);
out.lintFile = (await lintFile('fixtures/ntt-2024/draft.md')).messages.map((m) => [m.ruleId, m.line, m.column, m.message]);
out.fixed = (await lintFile('fixtures/ntt-2024/draft.md', { fix: true })).output;
out.english = (await lintText(ntt, { locale: 'en' })).messages[0].message;
out.txt = (await lintText(await readFile('fixtures/excerpts/lapas/draft.txt', 'utf8'), { format: 'text' })).errorCount;
out.notDraft = (await lintText('# Notes\\n\\nNothing to see.\\n')).messages;
const model = await extract(ntt);
out.indicators = model.indicators.length;
out.extractFile = (await extractFile('fixtures/ntt-2024/draft.md')).indicators.length;
const achievement = model.measurements.findIndex((m) => m.role === 'achievement');
const consistent = await extract(await readFile('fixtures/consistent-2024/draft.md', 'utf8'));
const index = consistent.measurements.findIndex((m) => m.role === 'achievement');
consistent.measurements[index].quantity.value += 7;
out.model = (await lintText(JSON.stringify(consistent, null, 2), { format: 'json' })).messages.map((m) => [m.ruleId, m.location]);
out.modelIndex = index;
out.invalidModel = (await lintText('{"schemaVersion": 2}', { filePath: 'm.json' })).messages.slice(0, 2);
const comparison = await compare(['fixtures/synthetic/borneo-hulu/draft.md', { name: 'nusa-karang.md', text: await readFile('fixtures/synthetic/nusa-karang/draft.md', 'utf8') }]);
out.compared = comparison.documents.map((d) => d.file);
try { await lintFile('fixtures/none.md'); } catch (e) { out.missing = [e instanceof CliError, e.message]; }
try { await lintText(ntt, { config: { rules: { 'no-such-rule': 'off' } } }); } catch (e) { out.badConfig = [e instanceof CliError, e.message]; }
console.log(JSON.stringify(out));
`,
    );
    const r = node('consumer.mjs');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;

    const bin = spawnSync(process.execPath, [join(CLI, 'dist/bin.js'), 'lint', '--format', 'json', 'fixtures/ntt-2024/draft.md'], { cwd: dir, encoding: 'utf8' });
    const [fromBin] = JSON.parse(bin.stdout) as { messages: { ruleId: string | null; line: number; column: number; message: string }[] }[];
    const expected = fromBin?.messages.map((m) => [m.ruleId, m.line, m.column, m.message]);
    expect(out.lintText).toEqual(expected);
    expect(out.lintFile).toEqual(expected);
    const dryRun = spawnSync(process.execPath, [join(CLI, 'dist/bin.js'), 'lint', '--fix-dry-run', '--format', 'json', 'fixtures/ntt-2024/draft.md'], { cwd: dir, encoding: 'utf8' });
    expect(out.fixed).toBe((JSON.parse(dryRun.stdout) as { output?: string }[])[0]?.output);
    expect(out.english).toMatch(/realisation|achievement|target/);
    expect(out.txt).toBeGreaterThan(0);
    expect(out.notDraft).toEqual([{ ruleId: null, severity: 2, fatal: true, message: 'not an LKIP draft (no target, realisation, achievement or budget figures)', line: 1, column: 1, endLine: 1, endColumn: 1 }]);
    expect(out.indicators).toBe(16);
    expect(out.extractFile).toBe(16);
    expect(out.model).toEqual([['capaian-mismatch', `/measurements/${out.modelIndex as number}/quantity/value`]]);
    expect(out.invalidModel).toEqual([
      expect.objectContaining({ fatal: true, message: "(document): must have required property 'source'", line: 1, column: 1 }),
      expect.objectContaining({ fatal: true, message: "(document): must have required property 'meta'" }),
    ]);
    expect(out.compared).toEqual(['fixtures/synthetic/borneo-hulu/draft.md', 'nusa-karang.md']);
    expect(out.missing).toEqual([true, 'fixtures/none.md: cannot read file: no such file or directory']);
    expect(out.badConfig).toEqual([true, expect.stringMatching(/^config: .*no-such-rule/)]);
  });

  it('is typed: a TypeScript consumer compiles against the published declarations', () => {
    writeFileSync(
      join(dir, 'consumer.ts'),
      `import { lintText, lintFile, extract, compare, type LintResult, type LkipDocument, type Comparison } from '@lkip/cli';
const result: LintResult = await lintText('x', { format: 'markdown', locale: 'en', config: { rounding: 'nearest' } });
const fromFile: LintResult = await lintFile('draft.md', { fix: true });
const model: LkipDocument = await extract('x', { format: 'text' });
const comparison: Comparison = await compare(['a.md', { name: 'b.md', text: 'x' }]);
const errors: number = result.errorCount + fromFile.warningCount + model.indicators.length + comparison.flags.length;
// @ts-expect-error: formats are markdown, text and json
await lintText('x', { format: 'docx' });
export { errors };
`,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['consumer.ts'] }),
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
