import { describe, expect, it } from 'vitest';
import { buildResult, fingerprint, fnv1a64, type LintMessage } from '@lkip/engine';

const base = { message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 };
const fix = { range: [0, 1] as [number, number], text: 'x' };

describe('buildResult', () => {
  it('counts like ESLint, fixable meaning "has a fix"', () => {
    const messages: LintMessage[] = [
      { ...base, ruleId: 'a', severity: 2 },
      { ...base, ruleId: 'a', severity: 2, fix },
      { ...base, ruleId: null, severity: 2, fatal: true },
      { ...base, ruleId: 'b', severity: 1, fix },
      { ...base, ruleId: 'b', severity: 1, suggestions: [{ desc: 'd', messageId: 'm', fix }] },
      { ...base, ruleId: 'c', severity: 0, fix },
    ];
    expect(buildResult('laporan.md', messages)).toEqual({
      filePath: 'laporan.md',
      messages,
      errorCount: 3,
      fatalErrorCount: 1,
      warningCount: 2,
      infoCount: 1,
      fixableErrorCount: 1,
      fixableWarningCount: 1,
    });
  });

  it('keeps output only when fixing changed the text', () => {
    expect(buildResult('a.md', [], { output: 'new', source: 'old' })).toMatchObject({ output: 'new', source: 'old' });
    expect(buildResult('a.md', [], { output: 'same', source: 'same' })).not.toHaveProperty('output');
    expect(buildResult('a.md', [])).not.toHaveProperty('source');
  });
});

describe('fingerprint', () => {
  it('is FNV-1a 64 (published test vectors)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('depends on the rule and the subject, not on spelling noise', () => {
    const subject = { indicator: 'Indeks Kemandirian', unit: 'BNNK Belu', role: 'achievement' };
    const id = fingerprint('capaian-mismatch', subject);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint('capaian-mismatch', { ...subject })).toBe(id);
    expect(fingerprint('capaian-mismatch', { indicator: '  indeks  kemandirian', unit: 'BNNK BELU', role: 'achievement' })).toBe(id);
    expect(fingerprint('capaian-mismatch', { ...subject, unit: 'BNNK Alor' })).not.toBe(id);
    expect(fingerprint('capaian-mismatch', { ...subject, role: 'target' })).not.toBe(id);
    expect(fingerprint('capaian-mismatch', { ...subject, detail: 'kolom 3' })).not.toBe(id);
    expect(fingerprint('tally-mismatch', subject)).not.toBe(id);
  });

  it('keeps fields apart, so moving text between fields changes the hash', () => {
    expect(fingerprint('r', { indicator: 'a', unit: 'b' })).not.toBe(fingerprint('r', { indicator: 'ab' }));
  });

  it('uses the fallback only when there is no subject', () => {
    expect(fingerprint('r', undefined, 'Tertulis 95,34')).not.toBe(fingerprint('r', undefined, 'Tertulis 95,09'));
    expect(fingerprint('r', { indicator: 'x' }, 'one')).toBe(fingerprint('r', { indicator: 'x' }, 'two'));
  });
});
