import { describe, expect, it } from 'vitest';
import { configJsonSchema, parseConfigText } from '@lkip/engine';

function errorOf(text: string, ruleIds?: string[]): string {
  const result = parseConfigText(text, ruleIds ? { ruleIds } : {});
  if (!('error' in result)) throw new Error('expected an error');
  expect(result.error).not.toContain('\n');
  return result.error;
}

describe('parseConfigText', () => {
  it('applies defaults to a valid config', () => {
    const result = parseConfigText('{ "rules": { "capaian-mismatch": ["warn", { "x": 1 }] }, "rounding": "nearest" }');
    expect(result).toEqual({
      config: {
        rules: { 'capaian-mismatch': ['warn', { x: 1 }] },
        rounding: 'nearest',
        reportRounding: false,
        reportUnusedDisableDirectives: 'warn',
        polarity: [],
        scales: [],
      },
    });
  });

  it('accepts a byte-order mark', () => {
    expect('config' in parseConfigText('\uFEFF{}')).toBe(true);
  });

  it('gives line and column for invalid JSON', () => {
    expect(errorOf('{\n  "rules": {},\n}')).toMatch(/^Invalid JSON at line 3, column 1: /);
    expect(errorOf('{\n  "rounding" "nearest"\n}')).toMatch(/^Invalid JSON at line 2, column 14: /);
  });

  it('says so when the file is empty', () => {
    expect(errorOf('  \n')).toBe('Invalid JSON: the file is empty');
  });

  it('names the rule and the allowed severities for a bad severity', () => {
    const error = errorOf('{ "rules": { "capaian-mismatch": "erorr" } }');
    expect(error).toContain('rules.capaian-mismatch: expected one of "off" | "warn" | "error"');
    expect(error).toContain('got "erorr"');
  });

  it('points into the array for a bad severity in [severity, options]', () => {
    expect(errorOf('{ "rules": { "capaian-mismatch": ["high", {}] } }')).toMatch(/^rules\.capaian-mismatch\[0\]: expected one of "off"/);
  });

  it('reports an unknown key with the key it most likely meant', () => {
    expect(errorOf('{ "reportRouding": true }')).toBe('reportRouding: unknown key (did you mean "reportRounding"?)');
    expect(errorOf('{ "scales": [{ "name": "x", "indicatorPattern": "x", "bands": [{ "label": "A", "mn": 1 }] }] }')).toBe(
      'scales[0].bands[0].mn: unknown key (did you mean "min"?)',
    );
  });

  it('joins several problems on one line', () => {
    const error = errorOf('{ "rounding": "up", "fiscalYear": "2024" }');
    expect(error).toBe('rounding: expected one of "nearest" | "truncate" | "either", got "up"; fiscalYear: expected a number, got "2024"');
  });

  it('rejects a polarity pattern that is not a regular expression', () => {
    expect(errorOf('{ "polarity": [{ "pattern": "(prevalensi", "polarity": "lower-is-better" }] }')).toMatch(
      /^polarity\[0\]\.pattern: not a valid regular expression \(/,
    );
  });

  it('rejects an unknown rule id when the loaded rules are given, suggesting close ids', () => {
    const error = errorOf('{ "rules": { "capaian-mismtach": "warn" } }', ['capaian-mismatch', 'year-mismatch']);
    expect(error).toBe(`Unknown rule 'capaian-mismtach' in config "rules" (did you mean 'capaian-mismatch'?)`);
    expect('config' in parseConfigText('{ "rules": { "capaian-mismtach": "warn" } }')).toBe(true);
  });
});

describe('configJsonSchema', () => {
  it('is draft 2020-12 and describes what users write (defaults optional)', () => {
    const schema = configJsonSchema() as { $schema: string; required?: string[]; properties: Record<string, { enum?: string[] }>; additionalProperties: unknown };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required ?? []).not.toContain('rules');
    expect(schema.properties.rounding?.enum).toEqual(['nearest', 'truncate', 'either']);
    expect(schema.additionalProperties).toBe(false);
  });
});
