import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lintText, verifyAndFix } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import { rules } from '@lkip/rules';
import { describe, expect, it } from 'vitest';
import { applyEdit, cleanReason, placeIgnore } from '../src/lint/ignore.ts';
import { draftState, fixAllJob, lintJob, newSession } from '../src/lint/lint-draft.ts';

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

describe('what the worker says about a draft besides its findings', () => {
  it('tells a draft that is not an LKIP, an empty one and an excerpt from an LKIP', () => {
    const readme = '# Meeting notes\n\nThe website moves to the new server on Monday. Install the packages first:\n\n```sh\nnpm install\n```\n';
    expect(lintJob({ id: 1, text: readme, locale: 'en', path: 'README.md' }, rules).state).toBe('not-lkip');
    expect(lintJob({ id: 1, text: '  \n\n', locale: 'en', path: 'draft.md' }, rules).state).toBe('empty');
    expect(lintJob({ id: 1, text: fixture, locale: 'en', path: 'draft.md' }, rules).state).toBe('lkip');
    const excerpt = readFileSync(fileURLToPath(new URL('../../../fixtures/excerpts/dinas-pupr-jalan/draft.txt', import.meta.url)), 'utf8');
    expect(lintJob({ id: 1, text: excerpt, locale: 'en', path: 'draft.txt' }, rules).state).toBe('excerpt');
    expect(draftState('x', undefined).state).toBe('unreadable');
  });

  it('names each office once, as the draft’s list of offices does', () => {
    const job = lintJob({ id: 1, text: fixture, locale: 'id', path: 'draft.md' }, rules);
    const doc = parse(fixture);
    const names = new Set(doc.units.map((u) => u.name));
    const units = job.units.filter((u): u is string => u !== undefined && u !== 'aggregate');
    expect(units.length).toBeGreaterThan(0);
    for (const unit of units) expect(names.has(unit), unit).toBe(true);
    // A message quoting another spelling of an office is listed under the office's name.
    const spelled = job.messages.findIndex((m) => m.subject?.unit !== undefined && m.subject.unit !== 'aggregate' && !names.has(m.subject.unit));
    if (spelled >= 0) expect(names.has(job.units[spelled] ?? '')).toBe(true);
    expect(job.rules.map((r) => r.id)).toEqual(rules.map((r) => r.meta.id));
  });

  it('re-reads an edited draft with its session to the findings a fresh read gives', () => {
    const session = newSession();
    lintJob({ id: 1, text: fixture, locale: 'id', path: 'draft.md' }, rules, session);
    const at = fixture.indexOf('\t', Math.floor(fixture.length / 2));
    const edited = `${fixture.slice(0, at)}7${fixture.slice(at)}`;
    expect(lintJob({ id: 2, text: edited, locale: 'id', path: 'draft.md' }, rules, session).messages).toEqual(lintText(edited, parse, { rules, locale: 'id' }));
  });
});

describe('ignore with reason', () => {
  const job = { id: 1, text: fixture, locale: 'id' as const, path: 'draft.md' };
  const all = lintText(fixture, parse, { rules, locale: 'id' });
  const key = (m: { ruleId: string | null; line: number; column: number }) => `${m.ruleId}:${m.line}:${m.column}`;
  const lines = fixture.split('\n');
  const inTable = all.find((m) => m.ruleId && /\t|^\s*\|/.test(lines[m.line - 1] ?? ''));
  const inProse = all.find((m) => m.ruleId && !/\t|\|/.test(lines[m.line - 1] ?? '') && (lines[m.line - 1] ?? '').length > 40);

  for (const [where, target] of [
    ['a table row', inTable],
    ['a sentence', inProse],
  ] as const) {
    it(`writes an lkip-disable comment that silences exactly one finding in ${where}`, () => {
      expect(target, where).toBeDefined();
      if (!target?.ruleId) return;
      const placed = placeIgnore(job, { ruleId: target.ruleId, line: target.line, column: target.column, message: target.message }, 'accepted -- by the reviewer -->', rules, newSession());
      expect('edit' in placed, JSON.stringify(placed)).toBe(true);
      if (!('edit' in placed)) return;
      expect(placed.edit.insert).toMatch(new RegExp(`<!-- lkip-disable(?:-next-line|-line)? ${target.ruleId} -- accepted – by the reviewer – -->`));
      const after = lintText(applyEdit(fixture, placed.edit), parse, { rules, locale: 'id' });
      expect(after).toHaveLength(all.length - 1);
      expect(after.some((m) => m.ruleId === target.ruleId && m.message === target.message)).toBe(false);
      // The others are all still there (lines below the comment may have moved).
      expect(after.map((m) => `${m.ruleId}:${m.messageId ?? ''}`).sort()).toEqual(
        all
          .filter((m) => key(m) !== key(target))
          .map((m) => `${m.ruleId}:${m.messageId ?? ''}`)
          .sort(),
      );
    });
  }

  it('keeps a reason on one line, and the comment closed', () => {
    expect(cleanReason(' checked\nby  me --> ok ')).toBe('checked by me – ok');
    expect(cleanReason('   ')).toBe('reviewed');
  });

  it('says when the finding is gone', () => {
    expect(placeIgnore(job, { ruleId: 'capaian-mismatch', line: 1, column: 1, message: 'x' }, 'r', rules, newSession())).toEqual({ error: 'gone' });
  });
});
