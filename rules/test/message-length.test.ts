import { lintDocument, resolveConfig, type Locale } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import { rules } from '@lkip/rules';
import { describe, expect, it } from 'vitest';
import { HAS_SEED, NTT_FIXTURE, readDraft, SEED } from './harness.js';

/**
 * Issue 12: a message names the two figures and the place of the other one, and stops; lists of
 * places and explanations are the finding's related places, suggestions and notes. Every rule's
 * message stays within 160 characters in both languages, and an English message or note leaves
 * no Indonesian place word or unworded reference behind.
 */
const MAX = 160;
const LOCALES: Locale[] = ['id', 'en'];

function lintIn(path: string, locale: Locale) {
  const text = readDraft(path);
  return lintDocument(parseDraft(text, { path }), { rules, config: resolveConfig({}), text, locale }).filter((m) => m.ruleId !== null);
}

function tooLong(path: string, locale: Locale): string[] {
  return lintIn(path, locale)
    .filter((m) => m.message.length > MAX)
    .map((m) => `${m.ruleId}:${m.line} (${m.message.length}) ${m.message}`);
}

/** English text that still holds an Indonesian line word or a reference the engine did not word. */
function untranslated(path: string): string[] {
  const out: string[] = [];
  for (const m of lintIn(path, 'en')) {
    for (const text of [m.message, ...(m.related ?? []).map((r) => r.message), ...(m.suggestions ?? []).map((s) => s.desc)]) {
      if (/\u27e6|\bbaris \d/.test(text)) out.push(`${m.ruleId}:${m.line} ${text}`);
    }
  }
  return out;
}

describe('messages are short, in both languages', () => {
  for (const locale of LOCALES) {
    it(`fixtures/ntt-2024: every message within ${MAX} characters (${locale})`, () => {
      expect(lintIn(NTT_FIXTURE, locale).length).toBeGreaterThan(0);
      expect(tooLong(NTT_FIXTURE, locale)).toEqual([]);
    });

    it.skipIf(!HAS_SEED)(`the seed: every message within ${MAX} characters (${locale}; skipped without shared/seed)`, () => {
      expect(lintIn(SEED, locale).length).toBeGreaterThan(0);
      expect(tooLong(SEED, locale)).toEqual([]);
    });
  }

  it('fixtures/ntt-2024: English messages, notes and suggestions word every reference in English', () => {
    expect(untranslated(NTT_FIXTURE)).toEqual([]);
  });

  it.skipIf(!HAS_SEED)('the seed: English messages, notes and suggestions word every reference in English (skipped without shared/seed)', () => {
    expect(untranslated(SEED)).toEqual([]);
  });
});
