import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { testIo } from './helpers.js';

// End to end with the real reader and rules: what a reviewer gets from `lkip` on real drafts.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const NTT = join(root, 'fixtures/ntt-2024/draft.md');
const CONSISTENT = join(root, 'fixtures/consistent-2024/draft.md');
const SEED = join(root, '../shared/seed/lkip-bnnp-ntt-2024.md');

async function lkip(argv: string[], cwd = root) {
  const { io, out, err } = testIo({ cwd });
  const code = await run(argv, io);
  return { code, stdout: out(), stderr: err() };
}

describe('lkip extract and lkip schema on the NTT fixture', () => {
  it('extract --format json validates with ajv against the schema lkip schema prints', async () => {
    const schema = await lkip(['schema']);
    expect(schema.code).toBe(0);
    const extract = await lkip(['extract', NTT, '--format', 'json']);
    expect(extract.code).toBe(0);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(schema.stdout) as object);
    const model = JSON.parse(extract.stdout) as { indicators: unknown[] };
    expect(validate(model), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(model.indicators).toHaveLength(16);
  });

  it('extract --format summary lists the indicators with per-unit figures', async () => {
    const { code, stdout } = await lkip(['extract', NTT, '--format', 'summary']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Nusa Tenggara Timur/);
    expect(stdout).toMatch(/Belu/);
    expect(stdout).toMatch(/Kota Kupang/);
  });

  it.skipIf(!existsSync(SEED))('extract on the real seed validates too', async () => {
    const schema = await lkip(['schema']);
    const extract = await lkip(['extract', SEED, '--format', 'json']);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    expect(ajv.compile(JSON.parse(schema.stdout) as object)(JSON.parse(extract.stdout))).toBe(true);
  });
});

describe('lkip lint on real drafts', () => {
  it('a draft whose figures are all consistent gives no finding and exit 0', async () => {
    const { code, stdout } = await lkip(['lint', CONSISTENT, '--format', 'json']);
    const [result] = JSON.parse(stdout) as { messages: { ruleId: string; line: number; message: string }[] }[];
    expect(result?.messages.map((m) => `${m.ruleId}:${m.line} ${m.message}`)).toEqual([]);
    expect(code).toBe(0);
  });

  it('the NTT fixture gives findings, exit 1, and --fix corrects derived figures idempotently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lkip-real-'));
    const copy = join(dir, 'draft.md');
    copyFileSync(NTT, copy);
    const before = await lkip(['lint', copy, '--format', 'json']);
    expect(before.code).toBe(1);
    const messages = (JSON.parse(before.stdout) as { messages: { fix?: unknown }[] }[])[0]?.messages ?? [];
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.some((m) => m.fix)).toBe(true);

    await lkip(['lint', copy, '--fix']);
    const once = readFileSync(copy, 'utf8');
    expect(once).not.toBe(readFileSync(NTT, 'utf8'));
    await lkip(['lint', copy, '--fix']);
    expect(readFileSync(copy, 'utf8')).toBe(once);
    const after = await lkip(['lint', copy, '--format', 'json']);
    const remaining = (JSON.parse(after.stdout) as { messages: { fix?: unknown }[] }[])[0]?.messages ?? [];
    expect(remaining.filter((m) => m.fix)).toEqual([]);
  });
});
