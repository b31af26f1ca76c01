import type { RuleContext, RuleDefinition, RuleTextEditor, RulesMeta, ViolationReport } from '@eslint/core';
import { engineMessages, type LintMessage, type Rule } from '@lkip/engine';
import { z } from 'zod';
import { LkipSourceCode, UNUSED_DIRECTIVE } from './source-code.js';

type EslintRule = RuleDefinition;

/** The id of the rule that reports `lkip-disable` comments that silence nothing. */
export const UNUSED_DIRECTIVE_RULE = 'unused-directive';

/**
 * Messages are worded by lkip's engine (in the configured language) and handed to ESLint whole;
 * ESLint still gets the messageId, as `lkip lint --format json` gives it.
 */
const WHOLE_MESSAGE = '{{message}}';

/** A rule that threw: the engine reports it (without a messageId) instead of losing the other rules' findings. */
const RULE_FAILED = 'ruleFailed';

/**
 * The engine words some messages and suggestions itself for any rule (a fix held back for the
 * reviewer becomes a `reviewFix` suggestion), so every rule declares the engine's ids too.
 */
const ENGINE_MESSAGE_IDS = Object.keys(engineMessages);

/** One lkip rule as an ESLint rule of the same id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any rule wraps the same way
export function toEslintRule(rule: Rule<any>): EslintRule {
  const { meta } = rule;
  const fixable = meta.fixable;
  // The engine may turn any fix into a suggestion (see ENGINE_MESSAGE_IDS).
  const hasSuggestions = meta.hasSuggestions === true || fixable;
  const eslintMeta: RulesMeta = {
    type: 'problem',
    docs: { description: meta.docs.description, recommended: true },
    ...(fixable ? { fixable: 'code' as const } : {}),
    ...(hasSuggestions ? { hasSuggestions: true } : {}),
    schema: optionsSchema(rule),
    messages: Object.fromEntries([...new Set([...Object.keys(meta.messages), ...ENGINE_MESSAGE_IDS, RULE_FAILED])].map((id) => [id, WHOLE_MESSAGE])),
  };
  return {
    meta: eslintMeta,
    create(context: RuleContext) {
      const sourceCode = context.sourceCode;
      // Configured for files of another language: nothing to check there.
      if (!(sourceCode instanceof LkipSourceCode)) return {};
      sourceCode.requestRule(meta.id, context.options[0]);
      return {
        Draft() {
          for (const message of sourceCode.findingsOf(meta.id)) context.report(toReport(message, fixable, hasSuggestions));
        },
      };
    },
  };
}

/** `lkip-disable` comments that silence nothing (lkip.config.json's `reportUnusedDisableDirectives`). */
export const unusedDirectiveRule: EslintRule = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Report lkip-disable and lkip-enable comments that silence nothing', recommended: true },
    fixable: 'code',
    schema: [],
    messages: { unusedDisableDirective: WHOLE_MESSAGE, unusedEnableDirective: WHOLE_MESSAGE },
  },
  create(context: RuleContext) {
    const sourceCode = context.sourceCode;
    if (!(sourceCode instanceof LkipSourceCode)) return {};
    sourceCode.requestUnusedDirectives();
    return {
      Draft() {
        for (const message of sourceCode.findingsOf(UNUSED_DIRECTIVE)) context.report(toReport(message, true, false));
      },
    };
  },
};

function toReport(message: LintMessage, fixable: boolean, hasSuggestions: boolean): ViolationReport {
  const report: ViolationReport = {
    loc: { start: { line: message.line, column: message.column }, end: { line: message.endLine, column: message.endColumn } },
    messageId: message.messageId ?? RULE_FAILED,
    data: { message: message.message },
  };
  // ESLint throws on a fix or suggestion its rule's meta does not declare; lkip's engine does not
  // check that, and an editor session must not end on it.
  const fix = message.fix;
  if (fix && fixable) report.fix = (fixer: RuleTextEditor) => fixer.replaceTextRange(fix.range, fix.text);
  if (message.suggestions && hasSuggestions) {
    report.suggest = message.suggestions.map((s) => ({
      messageId: s.messageId,
      data: { message: s.desc },
      fix: (fixer: RuleTextEditor) => fixer.replaceTextRange(s.fix.range, s.fix.text),
    }));
  }
  return report;
}

/**
 * ESLint validates options with its own JSON Schema validator before the rule runs; the
 * engine validates them again with the rule's zod schema (which also applies the defaults).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see toEslintRule
function optionsSchema(rule: Rule<any>): RulesMeta['schema'] {
  if (!rule.meta.options) return [];
  const schema = z.toJSONSchema(rule.meta.options, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  // ESLint's validator knows draft-04 as its meta-schema and does not need the declaration.
  delete schema.$schema;
  return [schema];
}
