import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { tempDir } from './helpers.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function lkip(args: string[], cwd: string, stdin?: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), ...(stdin !== undefined ? { stdin: async () => stdin } : {}) });
  return { code, stdout, stderr };
}

interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  location?: string;
  fix?: unknown;
}

interface Measurement {
  role: string;
  quantity: { value: number; raw: string; decimals: number };
}

/** A fresh copy of the model `lkip extract` writes for a fixture. */
const models = new Map<string, string>();
async function modelOf(fixture: string): Promise<Record<string, unknown>> {
  if (!models.has(fixture)) {
    const extracted = await lkip(['extract', join(FIXTURES, fixture)], FIXTURES);
    expect(extracted.code).toBe(0);
    models.set(fixture, extracted.stdout);
  }
  return JSON.parse(models.get(fixture) ?? '') as Record<string, unknown>;
}

/** Line and column (1-based) of `needle`'s first occurrence after `from` in `text`. */
function lineColumnOf(text: string, needle: string, from = 0): { line: number; column: number } {
  const at = text.indexOf(needle, from);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

describe('lkip lint on a JSON model', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  beforeAll(async () => {
    await modelOf('consistent-2024/draft.md');
  });

  it('lints a valid model clean, and catches a changed capaian at its JSON pointer, line and column', async () => {
    const model = await modelOf('consistent-2024/draft.md');
    writeFileSync(join(dir, 'model.json'), JSON.stringify(model, null, 2));
    expect(await lkip(['lint', 'model.json'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });

    const measurements = model.measurements as Measurement[];
    const index = measurements.findIndex((m) => m.role === 'achievement');
    const changed = measurements[index] as Measurement;
    changed.quantity.value += 7;
    changed.quantity.raw = `${changed.quantity.value.toFixed(changed.quantity.decimals)} %`;
    const text = JSON.stringify(model, null, 2);
    writeFileSync(join(dir, 'model.json'), text);

    const linted = await lkip(['lint', '--format', 'json', 'model.json'], dir);
    expect(linted.code).toBe(1);
    const [result] = JSON.parse(linted.stdout) as { messages: JsonMessage[]; source?: string }[];
    const finding = result?.messages.find((m) => m.ruleId === 'capaian-mismatch');
    expect(finding?.location).toBe(`/measurements/${index}/quantity/value`);
    // The place of that value in the JSON text: the `"value": …` of the changed measurement.
    const measurementAt = text.indexOf(`"id": "${(measurements[index] as unknown as { id: string }).id}"`);
    const valueAt = lineColumnOf(text, `"value": ${changed.quantity.value}`, measurementAt);
    expect([finding?.line, finding?.column]).toEqual([valueAt.line, valueAt.column + `"value": `.length]);
    // A fix edits a draft's text; a model's findings carry none.
    expect(finding?.fix).toBeUndefined();
    expect(result?.source).toBe(text);
  });

  it('gives the same findings on the NTT model as on the NTT draft, each at a pointer into the model', async () => {
    const draft = await lkip(['lint', '--format', 'json', join(FIXTURES, 'ntt-2024/draft.md')], dir);
    const model = await modelOf('ntt-2024/draft.md');
    writeFileSync(join(dir, 'ntt.json'), JSON.stringify(model));
    const fromModel = await lkip(['lint', '--format', 'json', 'ntt.json'], dir);
    expect(fromModel.code).toBe(draft.code);
    const key = (m: JsonMessage) => `${m.ruleId}|${m.messageId}|${m.message}`;
    const draftMessages = (JSON.parse(draft.stdout) as { messages: JsonMessage[] }[])[0]?.messages ?? [];
    const modelMessages = (JSON.parse(fromModel.stdout) as { messages: JsonMessage[] }[])[0]?.messages ?? [];
    expect(modelMessages.map(key).sort()).toEqual(draftMessages.map(key).sort());
    expect(modelMessages.length).toBeGreaterThan(40);
    for (const m of modelMessages) {
      expect(m.location, key(m)).toMatch(/^\/[a-zA-Z]+\/\d+/);
      // One line of minified JSON: columns index into it.
      expect(m.line).toBe(1);
    }
  });

  it('points at the figure the rule looked at even when a model gives every figure the same position', async () => {
    const model = await modelOf('consistent-2024/draft.md');
    const flatten = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return;
      const record = value as Record<string, unknown>;
      if (typeof record.endOffset === 'number' && typeof record.line === 'number') {
        Object.assign(record, { line: 1, column: 1, offset: 0, endLine: 1, endColumn: 2, endOffset: 1 });
        return;
      }
      Object.values(record).forEach(flatten);
    };
    flatten(model);
    const measurements = model.measurements as Measurement[];
    const index = measurements.findIndex((m) => m.role === 'achievement');
    (measurements[index] as Measurement).quantity.value += 7;
    writeFileSync(join(dir, 'model.json'), JSON.stringify(model, null, 2));
    const linted = await lkip(['lint', '--format', 'json', 'model.json'], dir);
    const messages = (JSON.parse(linted.stdout) as { messages: JsonMessage[] }[])[0]?.messages ?? [];
    expect(messages.filter((m) => m.ruleId === 'capaian-mismatch').map((m) => m.location)).toEqual([`/measurements/${index}/quantity/value`]);
  });

  it('refuses an invalid model with exit 2 and one line per violation, each with its pointer', async () => {
    const model = await modelOf('consistent-2024/draft.md');
    model.schemaVersion = 2;
    delete (model.indicators as Record<string, unknown>[])[0]?.name;
    ((model.measurements as Record<string, unknown>[])[1] as Record<string, unknown>).role = 'goal';
    ((model.units as Record<string, unknown>[])[0] as Record<string, unknown>).note = 'x';
    // A claim is a union of kinds: only the kind it says it is speaks for it.
    const claims = model.claims as Record<string, unknown>[];
    const claim = claims.findIndex((c) => c.kind === 'year');
    (claims[claim] as Record<string, unknown>).year = 'dua ribu';
    writeFileSync(join(dir, 'model.json'), JSON.stringify(model, null, 2));

    const linted = await lkip(['lint', 'model.json'], dir);
    expect(linted.code).toBe(2);
    expect(linted.stdout).toBe('');
    const lines = linted.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^lkip: model\.json:2:\d+: \/schemaVersion: must be 1$/),
      expect.stringMatching(/^lkip: model\.json:\d+:\d+: \/units\/0: must NOT have additional properties \("note"\)$/),
      expect.stringMatching(/^lkip: model\.json:\d+:\d+: \/indicators\/0: must have required property 'name'$/),
      expect.stringMatching(/^lkip: model\.json:\d+:\d+: \/measurements\/1\/role: must be one of "target", "realisation", "achievement", "category"$/),
      expect.stringMatching(new RegExp(`^lkip: model\\.json:\\d+:\\d+: /claims/${claim}/year: must be integer$`)),
    ]);
  });

  it('refuses JSON that does not parse with its line and column, and --fix of a model', async () => {
    writeFileSync(join(dir, 'broken.json'), '{\n  "schemaVersion": 1,\n  "meta": }\n');
    expect(await lkip(['lint', 'broken.json'], dir)).toEqual({ code: 2, stdout: '', stderr: 'lkip: broken.json:3:11: (document): invalid JSON: Unexpected token RBrace found.\n' });
    writeFileSync(join(dir, 'model.json'), JSON.stringify(await modelOf('consistent-2024/draft.md')));
    const fix = await lkip(['lint', '--fix', 'model.json'], dir);
    expect(fix.code).toBe(2);
    expect(fix.stderr).toBe("lkip: model.json: --fix cannot write JSON models; fixes are edits of a draft's text\n");
  });

  it('reads a model from standard input named by --stdin-filename', async () => {
    const model = await modelOf('consistent-2024/draft.md');
    const measurements = model.measurements as Measurement[];
    (measurements.find((m) => m.role === 'achievement') as Measurement).quantity.value += 7;
    const linted = await lkip(['lint', '--stdin', '--stdin-filename', 'x.json', '--format', 'compact'], dir, JSON.stringify(model, null, 2));
    expect(linted.code).toBe(1);
    expect(linted.stdout).toMatch(/x\.json: line \d+, col \d+, Error - .*\(capaian-mismatch\) \[\/measurements\/\d+\/quantity\/value\]/);
    const invalid = await lkip(['lint', '--stdin', '--stdin-filename', 'x.json'], dir, '{"schemaVersion": 1}');
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/^lkip: x\.json:1:1: \(document\): must have required property 'source'\n/);
  });

  it('refuses the model of a file that is no LKIP draft, as it refuses the file', async () => {
    const model = await modelOf('edge-cases/not-an-lkip.md');
    writeFileSync(join(dir, 'readme.json'), JSON.stringify(model));
    const linted = await lkip(['lint', 'readme.json', '--locale', 'en'], dir);
    expect(linted.code).toBe(2);
    expect(linted.stderr).toMatch(/^lkip: readme\.json: not an LKIP draft/);
  });
});
