import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { emptyDocument } from '@lkip/schema';
import { ConfigError, defineRule, lintDocument, resolveConfig, resolveRules, UnknownRuleError } from '@lkip/engine';
import { pos, reporter } from './helpers.js';

const errorRule = reporter('capaian-mismatch', () => [pos(1, 1)], 'error');
const warnRule = reporter('year-mismatch', () => [pos(2, 1)], 'warn');
const rules = [errorRule, warnRule];

function severities(config: unknown = {}, overrides: Record<string, 'off' | 'warn' | 'error'> = {}) {
  return Object.fromEntries(resolveRules(rules, resolveConfig(config), overrides).map((r) => [r.rule.meta.id, r.severity]));
}

const seenOptions: unknown[] = [];
const optionRule = defineRule({
  meta: {
    id: 'tally-mismatch',
    family: 'tally',
    defaultSeverity: 'warn',
    fixable: false,
    docs: { description: 'x', descriptionId: 'x' },
    messages: { m: { en: 'm', id: 'm' } },
    options: z.object({ threshold: z.number().default(100), countAt: z.boolean().default(true) }).strict(),
  },
  check(_doc, context) {
    seenOptions.push(context.options);
  },
});

describe('severity resolution', () => {
  it("uses the rule's default severity without config", () => {
    expect(severities()).toEqual({ 'capaian-mismatch': 'error', 'year-mismatch': 'warn' });
  });

  it('reads names, numbers and [severity, options] from the config', () => {
    expect(severities({ rules: { 'capaian-mismatch': 'off', 'year-mismatch': 2 } })).toEqual({ 'capaian-mismatch': 'off', 'year-mismatch': 'error' });
    expect(severities({ rules: { 'capaian-mismatch': 1, 'year-mismatch': 0 } })).toEqual({ 'capaian-mismatch': 'warn', 'year-mismatch': 'off' });
    expect(severities({ rules: { 'capaian-mismatch': ['warn'] } })).toMatchObject({ 'capaian-mismatch': 'warn' });
  });

  it('lets overrides win over the config', () => {
    expect(severities({ rules: { 'capaian-mismatch': 'off' } }, { 'capaian-mismatch': 'warn', 'year-mismatch': 'off' })).toEqual({
      'capaian-mismatch': 'warn',
      'year-mismatch': 'off',
    });
  });

  it('maps severities onto messages and skips rules that are off', () => {
    const doc = emptyDocument();
    const messages = lintDocument(doc, { rules, config: resolveConfig({ rules: { 'year-mismatch': 'error' } }), ruleOverrides: { 'capaian-mismatch': 'off' } });
    expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([['year-mismatch', 2]]);
    expect(lintDocument(doc, { rules }).map((m) => [m.ruleId, m.severity])).toEqual([
      ['capaian-mismatch', 2],
      ['year-mismatch', 1],
    ]);
  });

  it('throws UnknownRuleError for an unknown id in the config, naming close ids', () => {
    const run = () => resolveRules(rules, resolveConfig({ rules: { 'capaian-mismach': 'warn' } }));
    expect(run).toThrow(UnknownRuleError);
    expect(run).toThrow(`Unknown rule 'capaian-mismach' in config "rules" (did you mean 'capaian-mismatch'?)`);
  });

  it('throws UnknownRuleError for an unknown id in the overrides', () => {
    try {
      resolveRules(rules, resolveConfig(), { 'year-mismatsh': 'off', zzz: 'warn' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownRuleError);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as UnknownRuleError).unknown).toEqual([
        { ruleId: 'year-mismatsh', source: 'override', closest: ['year-mismatch'] },
        { ruleId: 'zzz', source: 'override', closest: [] },
      ]);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('rejects an override that is not a severity', () => {
    expect(() => resolveRules(rules, resolveConfig(), { 'year-mismatch': 'loud' as 'warn' })).toThrow(ConfigError);
  });
});

describe('rule options', () => {
  it('passes defaulted options to check', () => {
    seenOptions.length = 0;
    lintDocument(emptyDocument(), { rules: [optionRule] });
    lintDocument(emptyDocument(), { rules: [optionRule], config: resolveConfig({ rules: { 'tally-mismatch': ['error', { threshold: 90 }] } }) });
    expect(seenOptions).toEqual([
      { threshold: 100, countAt: true },
      { threshold: 90, countAt: true },
    ]);
  });

  it('keeps the config options when an override changes the severity', () => {
    const [resolved] = resolveRules([optionRule], resolveConfig({ rules: { 'tally-mismatch': ['warn', { threshold: 5 }] } }), { 'tally-mismatch': 'error' });
    expect(resolved).toMatchObject({ severity: 'error', options: { threshold: 5, countAt: true } });
  });

  it('throws a one-line ConfigError naming the rule for invalid options', () => {
    const run = () => resolveRules([optionRule], resolveConfig({ rules: { 'tally-mismatch': ['warn', { threshold: 'high', extra: 1 }] } }));
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(`Invalid options for rule 'tally-mismatch': threshold: expected a number, got "high"; extra: unknown key`);
  });

  it('checks options even for a rule that is off', () => {
    expect(() => resolveRules([optionRule], resolveConfig({ rules: { 'tally-mismatch': ['off', { threshold: 'x' }] } }))).toThrow(ConfigError);
  });

  it('rejects options for a rule that takes none', () => {
    expect(() => resolveRules(rules, resolveConfig({ rules: { 'year-mismatch': ['warn', { x: 1 }] } }))).toThrow(
      "Invalid options for rule 'year-mismatch': the rule takes no options",
    );
    expect(() => resolveRules(rules, resolveConfig({ rules: { 'year-mismatch': ['warn', {}] } }))).not.toThrow();
  });
});
