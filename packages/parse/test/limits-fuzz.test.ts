import { lintDocument } from '@lkip/engine';
import { rules } from '@lkip/rules';
import { LkipDocument } from '@lkip/schema';
import { describe, expect, it } from 'vitest';
import { convertDocx, DocxError, parseDraft, splitLineEndings } from '../src/index.js';
import { hostileDocxAt, hostileTextAt } from './fuzz/hostile.mjs';

/**
 * A short, seeded run of the hostile half of the fuzz campaign (`pnpm fuzz` runs 100 000 cases):
 * deep nesting, emphasis runs, huge tables, CR-only line ends and control characters mixed into
 * generated drafts, and hostile Word packages. Every case is read (or refused with the limit it
 * passes) and linted without a crash; the bounds themselves are measured in limits.test.ts.
 */
const SEED = 20_261_207;

describe('hostile inputs (short seeded campaign)', () => {
  it('reads or refuses 150 hostile drafts, never failing, every document valid', () => {
    const refused: string[] = [];
    for (let n = 0; n < 150; n++) {
      const text = splitLineEndings(hostileTextAt(SEED, n)).lf;
      const doc = parseDraft(text, { path: 'fuzz.md' });
      expect(doc.diagnostics.filter((d) => d.code === 'reader-failure'), `case ${n}`).toEqual([]);
      const valid = LkipDocument.safeParse(doc);
      expect(valid.success ? [] : valid.error.issues.slice(0, 3), `case ${n}`).toEqual([]);
      if (doc.diagnostics.some((d) => d.code === 'limit-exceeded')) refused.push(`case ${n}`);
      const messages = lintDocument(doc, { rules, text });
      expect(messages.filter((m) => m.ruleId !== null && /^Rule \S+ failed: /.test(m.message)), `case ${n}`).toEqual([]);
    }
    // The generator does reach past the limits (else this run would prove little).
    expect(refused.length).toBeGreaterThan(10);
  }, 600_000);

  it('converts or refuses 24 hostile Word packages with a DocxError, never anything else', async () => {
    let refusedCount = 0;
    for (let n = 0; n < 24; n++) {
      const outcome = await convertDocx(hostileDocxAt(SEED, n)).then(
        (converted) => converted.markdown,
        (error: unknown) => error,
      );
      if (typeof outcome === 'string') expect(parseDraft(outcome, {}).diagnostics.filter((d) => d.code === 'reader-failure')).toEqual([]);
      else {
        expect(outcome, `case ${n}`).toBeInstanceOf(DocxError);
        refusedCount++;
      }
    }
    expect(refusedCount).toBeGreaterThan(3);
  }, 600_000);
});
