import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lintText, verifyAndFix } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import { rules } from '@lkip/rules';
import { describe, expect, it } from 'vitest';
import { fixAllJob, lintJob } from '../src/lint/lint-draft.ts';

const fixture = readFileSync(fileURLToPath(new URL('../../../fixtures/ntt-2024/draft.md', import.meta.url)), 'utf8');
const parse = (t: string) => parseDraft(t, { path: 'draft.md', format: 'markdown' });

describe('the worker’s lint job', () => {
  it('gives what `lkip lint` gives (same reader, rules and engine calls)', () => {
    const job = lintJob({ id: 1, text: fixture, locale: 'en', path: 'draft.md' }, rules);
    expect(job.messages).toEqual(lintText(fixture, parse, { rules, locale: 'en' }));
    expect(job.overview.length).toBeGreaterThan(0);
    expect(job.configError).toBeUndefined();
  });

  it('fixes like `lkip lint --fix`', () => {
    const job = fixAllJob({ id: 1, text: fixture, locale: 'id', path: 'draft.md' }, rules);
    const cli = verifyAndFix(fixture, parse, { rules, locale: 'id', fix: true });
    expect(job.output).toBe(cli.output);
    expect(job.fixed).toBe(cli.fixed);
    expect(job.messages).toEqual(cli.messages);
  });

  it('applies lkip.config.json from `lkip view`, and says when it is invalid', () => {
    const text = fixture.slice(0, 40_000);
    const all = lintJob({ id: 1, text, locale: 'id', path: 'draft.md' }, rules).messages;
    const ruleId = all[0]?.ruleId;
    if (ruleId) {
      const off = lintJob({ id: 1, text, locale: 'id', path: 'draft.md', configText: JSON.stringify({ rules: { [ruleId]: 'off' } }) }, rules);
      expect(off.messages.some((m) => m.ruleId === ruleId)).toBe(false);
    }
    const bad = lintJob({ id: 1, text, locale: 'id', path: 'draft.md', configText: '{ "rules": { "no-such-rule": "off" } }' }, rules);
    expect(bad.configError).toMatch(/no-such-rule/);
    expect(bad.messages).toEqual(all);
  });
});
