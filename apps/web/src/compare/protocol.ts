import type { Comparison } from '@lkip/compare';
import type { Locale } from '@lkip/engine';
import type { CompareDraft } from './keys.ts';

export interface CompareRequest {
  id: number;
  drafts: CompareDraft[];
  locale: Locale;
}

export type CompareResponse =
  /** One more draft read (the page shows "reading 3/7"). */
  | { kind: 'progress'; id: number; done: number; total: number }
  /** `comparison` is absent when fewer than two drafts had indicators; `skipped` names those without. */
  | { kind: 'result'; id: number; comparison?: Comparison; skipped: string[] }
  | { kind: 'error'; id: number; error: string };
