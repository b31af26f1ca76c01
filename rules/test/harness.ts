import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lintDocument, resolveConfig, type LintMessage, type LkipConfig, type Rule } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import { rules } from '@lkip/rules';

export const SEED = fileURLToPath(new URL('../../../shared/seed/lkip-bnnp-ntt-2024.md', import.meta.url));
export const HAS_SEED = existsSync(SEED);
export const NTT_FIXTURE = fileURLToPath(new URL('../../fixtures/ntt-2024/draft.md', import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rules of every option type
export function ruleById(id: string): Rule<any> {
  const rule = rules.find((r) => r.meta.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/**
 * Lints a draft with the given rules (all when omitted), the way the CLI does; `previous` are
 * the texts of earlier filings, as `--previous` gives them.
 */
export function lint(draft: string, ruleIds?: string[], config: LkipConfig = {}, previous: readonly string[] = []): LintMessage[] {
  const doc = parseDraft(draft);
  const selected = ruleIds ? ruleIds.map(ruleById) : rules;
  const earlier = previous.map((text, i) => parseDraft(text, { path: `previous-${i + 1}.md` }));
  return lintDocument(doc, { rules: selected, config: resolveConfig({ reportUnusedDisableDirectives: 'off', ...config }), text: draft, ...(earlier.length > 0 ? { previous: earlier } : {}) });
}

/** Messages of one rule only. */
export function findings(ruleId: string, draft: string, config: LkipConfig = {}, previous: readonly string[] = []): LintMessage[] {
  return lint(draft, [ruleId], config, previous).filter((m) => m.ruleId === ruleId);
}

export function readDraft(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Compact view for assertions: rule, messageId, line, column. */
export function brief(messages: LintMessage[]): { ruleId: string | null; messageId?: string; line: number; column: number }[] {
  return messages.map((m) => ({ ruleId: m.ruleId, ...(m.messageId ? { messageId: m.messageId } : {}), line: m.line, column: m.column }));
}
