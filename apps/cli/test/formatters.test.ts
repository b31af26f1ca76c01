import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeRules, lkip, tempDir, writeInto } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

const DRAFT = '# Laporan Kinerja\n\nsatu WARN dua\n\n| Satker | Capaian |\n|---|---|\n| Belu | FIXME |\n| Kupang | ERR |\n';
const write = (name: string, content: string) => writeInto(dir, name, content);

describe('stylish', () => {
  it("looks like ESLint's, one line per problem and per place, localised", async () => {
    write('laporan.md', DRAFT);
    const r = await lkip(['lint', 'laporan.md', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toBe('laporan.md');
    expect(lines).toContain('  3:6   warning  Marker WARN found   fake-warning');
    expect(lines).toContain('  7:10  error    Marker FIXME found  fake-error');
    expect(lines).toContain('  8:12  error    Marker ERR found    fake-error');
    expect(lines).toContain('    ↳ 3:6  tabel Lampiran');
    // No code frame: that is --format codeframe.
    expect(r.stdout).not.toContain('> 7 |');
    expect(r.stdout).toContain('✖ 3 problems (3 findings: 2 errors, 1 warning)\n  1 error and 0 warnings potentially fixable with the `--fix` option.\n');
    expect(r.stdout).toContain('\nWhere to start\n  by rule (findings/problems)\n    fake-error 2/2, fake-warning 1/1\n');
    expect(r.stdout).toContain('  --fix\n    fixes 1 finding\n');
    // No colour when stdout is not a terminal.
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('speaks Indonesian by default', async () => {
    write('laporan.md', DRAFT);
    const r = await lkip(['lint', 'laporan.md'], { cwd: dir });
    expect(r.stdout).toContain('galat');
    expect(r.stdout).toContain('✖ 3 masalah (3 temuan: 2 galat, 1 peringatan)');
    expect(r.stdout).toContain('1 galat dan 0 peringatan dapat diperbaiki otomatis dengan opsi `--fix`.');
    expect(r.stdout).toContain('\nMulai dari sini\n');
  });

  it('colours on a terminal unless NO_COLOR or --no-color says otherwise', async () => {
    write('laporan.md', DRAFT);
    expect((await lkip(['lint', 'laporan.md'], { cwd: dir, isTTY: true })).stdout).toContain('\u001b[');
    expect((await lkip(['lint', 'laporan.md'], { cwd: dir, isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await lkip(['lint', 'laporan.md', '--no-color'], { cwd: dir, isTTY: true })).stdout).not.toContain('\u001b[');
    expect((await lkip(['lint', 'laporan.md', '--color'], { cwd: dir })).stdout).toContain('\u001b[');
  });

  it('prints every finding with a code frame and its related places in --format codeframe', async () => {
    write('laporan.md', DRAFT);
    const r = await lkip(['lint', 'laporan.md', '--locale', 'en', '--format', 'codeframe'], { cwd: dir });
    const lines = r.stdout.split('\n');
    expect(lines).toContain('  7:10  error    Marker FIXME found  fake-error');
    expect(r.stdout).toContain('    > 7 | | Belu | FIXME |\n        |          ^^^^^');
    expect(lines).toContain('  ↳ 3:6 tabel Lampiran');
  });

  it('cuts long table rows to a window around the finding (codeframe)', async () => {
    write('wide.md', `${'x'.repeat(200)} ERR ${'y'.repeat(200)}\n`);
    const r = await lkip(['lint', 'wide.md', '--format', 'codeframe'], { cwd: dir });
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(r.stdout).toMatch(/> 1 \| …x+ ERR y+…/);
  });
});

describe('json', () => {
  it("is ESLint's result array", async () => {
    write('laporan.md', DRAFT);
    const r = await lkip(['lint', 'laporan.md', '--format', 'json'], { cwd: dir });
    const results = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(Object.keys(result ?? {})).toEqual([
      'filePath',
      'messages',
      'suppressedMessages',
      'errorCount',
      'fatalErrorCount',
      'warningCount',
      'infoCount',
      'fixableErrorCount',
      'fixableWarningCount',
      'usedDeprecatedRules',
      'groups',
      'source',
    ]);
    expect(result).toMatchObject({ filePath: join(dir, 'laporan.md'), errorCount: 2, warningCount: 1, fixableErrorCount: 1, fixableWarningCount: 0, source: DRAFT });
    const messages = result?.messages as Record<string, unknown>[];
    expect(messages[1]).toEqual({
      ruleId: 'fake-error',
      severity: 2,
      message: 'Penanda FIXME ditemukan.',
      messageId: 'marker',
      line: 7,
      column: 10,
      endLine: 7,
      endColumn: 15,
      fix: { range: [DRAFT.indexOf('FIXME'), DRAFT.indexOf('FIXME') + 5], text: 'FIXED' },
      related: [{ message: 'tabel Lampiran', line: 3, column: 6, endLine: 3, endColumn: 10 }],
      group: expect.stringMatching(/^[0-9a-f]{16}/),
    });
    // Each finding stands in one group; a lone finding is a group of one.
    const groups = result?.groups as { id: string; messages: number[]; culprit: unknown }[];
    expect(groups.map((g) => g.messages)).toEqual([[0], [1], [2]]);
    expect(groups[1]?.id).toBe(messages[1]?.group);
  });

  it('omits source for a clean draft and prints one result per file', async () => {
    write('a.md', 'bersih\n');
    write('b.md', 'ERR\n');
    const r = await lkip(['lint', 'a.md', 'b.md', '--format', 'json'], { cwd: dir });
    const results = JSON.parse(r.stdout) as { source?: string; messages: unknown[] }[];
    expect(results.map((x) => x.messages.length)).toEqual([0, 1]);
    expect(results[0]?.source).toBeUndefined();
  });
});

interface SarifLog {
  version: string;
  $schema: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; help: { text: string }; helpUri?: string; defaultConfiguration: { level: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
      relatedLocations?: { message: { text: string }; physicalLocation: { region: Record<string, number> } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

describe('sarif', () => {
  it('is SARIF 2.1.0 with rules, levels, relative locations and related locations', async () => {
    write('drafts/laporan 2024.md', DRAFT);
    const { rules } = fakeRules();
    const r = await lkip(['lint', 'drafts', '--format', 'sarif', '--locale', 'en'], { cwd: dir, rules });
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run?.tool.driver).toMatchObject({ name: 'lkip', informationUri: expect.stringMatching(/^https:\/\//) });
    expect(run?.tool.driver.rules[0]).toEqual(
      expect.objectContaining({
        id: 'fake-error',
        shortDescription: { text: 'Marker words ERR and FIXME are errors' },
        help: expect.objectContaining({ text: 'See rules/docs/fake-error.md' }),
        defaultConfiguration: { level: 'error' },
      }),
    );
    expect(run?.tool.driver.rules[1]?.defaultConfiguration.level).toBe('warning');
    expect(run?.results.map((x) => [x.ruleId, x.level])).toEqual([
      ['fake-warning', 'warning'],
      ['fake-error', 'error'],
      ['fake-error', 'error'],
    ]);
    const fixme = run?.results[1];
    expect(fixme?.ruleIndex).toBe(0);
    expect(fixme?.message.text).toBe('Marker FIXME found.');
    expect(fixme?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'drafts/laporan%202024.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7, startColumn: 10, endLine: 7, endColumn: 15 },
    });
    expect(fixme?.relatedLocations?.[0]).toMatchObject({ message: { text: 'tabel Lampiran' }, physicalLocation: { region: { startLine: 3, startColumn: 6 } } });
    // One fingerprint per problem: the group's id.
    expect(Object.keys(fixme?.partialFingerprints ?? {})).toEqual(['lkip/group/v1']);
    expect(run?.tool.driver.rules[0]).toMatchObject({ helpUri: expect.stringMatching(/^https:\/\/.*\/rules\/docs\/fake-error\.md$/) });
  });

  it('keeps fingerprints when a line is inserted above the findings', async () => {
    write('laporan.md', DRAFT);
    const before = JSON.parse((await lkip(['lint', 'laporan.md', '--format', 'sarif'], { cwd: dir })).stdout) as SarifLog;
    write('laporan.md', `Catatan revisi baru.\n\n${DRAFT}`);
    const after = JSON.parse((await lkip(['lint', 'laporan.md', '--format', 'sarif'], { cwd: dir })).stdout) as SarifLog;
    const prints = (log: SarifLog) => log.runs[0]?.results.map((x) => x.partialFingerprints['lkip/group/v1']);
    const lines = (log: SarifLog) => log.runs[0]?.results.map((x) => x.locations[0]?.physicalLocation.region.startLine);
    expect(lines(after)).not.toEqual(lines(before));
    expect(prints(after)).toEqual(prints(before));
    // Different findings keep different fingerprints.
    expect(new Set(prints(before)).size).toBe(3);
  });
});

describe('compact', () => {
  it('prints one finding per line and a count', async () => {
    write('laporan.md', DRAFT);
    const r = await lkip(['lint', 'laporan.md', '--format', 'compact', '--locale', 'en'], { cwd: dir });
    const path = join(dir, 'laporan.md');
    expect(r.stdout).toBe(
      [
        `${path}: line 3, col 6, Warning - Marker WARN found. (fake-warning)`,
        `${path}: line 7, col 10, Error - Marker FIXME found. (fake-error)`,
        `${path}: line 8, col 12, Error - Marker ERR found. (fake-error)`,
        '',
        '3 problems (3 findings: 2 errors, 1 warning)',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for clean drafts', async () => {
    write('a.md', 'bersih');
    expect((await lkip(['lint', 'a.md', '--format', 'compact'], { cwd: dir })).stdout).toBe('');
  });
});
