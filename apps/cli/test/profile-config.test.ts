import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParseOptions } from '@lkip/parse';
import { fakeParse, lkip, tempDir, writeInto } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

const write = (name: string, content: string) => writeInto(dir, name, content);

describe('the profile of lkip.config.json', () => {
  it('reaches the reader', async () => {
    const seen: ParseOptions[] = [];
    const parse = (text: string, options: ParseOptions = {}) => {
      seen.push(options);
      return fakeParse(text, options);
    };
    write('draft.md', 'Laporan Kinerja\n');
    write('lkip.config.json', JSON.stringify({ profile: { extends: 'bps', indicatorAcronyms: ['IKSS'] } }));
    const r = await lkip(['lint', 'draft.md'], { cwd: dir, parse });
    expect(r.code).toBe(0);
    expect(seen[0]?.profile).toEqual({ extends: 'bps', indicatorAcronyms: ['IKSS'] });
  });

  it('exits 2 naming an unknown profile and the closest known one', async () => {
    write('draft.md', 'Laporan Kinerja\n');
    write('lkip.config.json', JSON.stringify({ profile: 'bpss' }));
    const r = await lkip(['lint', 'draft.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lkip: lkip\.config\.json: profile: unknown agency profile "bpss" .*"bps"/);
  });

  it('is in the config JSON Schema', async () => {
    const r = await lkip(['schema', '--config'], { cwd: dir });
    const schema = JSON.parse(r.stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toContain('profile');
  });
});
