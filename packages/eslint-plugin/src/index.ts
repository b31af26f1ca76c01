import type { RuleDefinition, RulesConfig } from '@eslint/core';
import type { LkipConfig } from '@lkip/engine';
import { rules as lkipRules } from '@lkip/rules';
import { LkipLanguage } from './language.js';
import { toEslintRule, unusedDirectiveRule, UNUSED_DIRECTIVE_RULE } from './rules.js';

export { LkipLanguage } from './language.js';
export { LkipSourceCode } from './source-code.js';
export type { DraftNode, DirectiveNode, LkipNode } from './ast.js';
export type { LkipLanguageOptions } from './language-options.js';
export { UNUSED_DIRECTIVE_RULE } from './rules.js';

/** The namespace the recommended config registers the plugin under: rule ids read `lkip/<id>`. */
const NAMESPACE = 'lkip';

const RECOMMENDED_FILES = ['**/*.md', '**/*.markdown'];

const rules: Record<string, RuleDefinition> = Object.fromEntries(lkipRules.map((rule) => [rule.meta.id, toEslintRule(rule)]));
rules[UNUSED_DIRECTIVE_RULE] = unusedDirectiveRule;

/** Every lkip rule at its own default severity, as `lkip lint` runs them. */
const recommendedRules: RulesConfig = Object.fromEntries([
  ...lkipRules.map((rule) => [`${NAMESPACE}/${rule.meta.id}`, rule.meta.defaultSeverity] as const),
  [`${NAMESPACE}/${UNUSED_DIRECTIVE_RULE}`, 'warn'] as const,
]);

interface LkipConfigObject {
  name: string;
  files: string[];
  plugins: Record<string, LkipPlugin>;
  language: string;
  rules: RulesConfig;
}

export interface LkipPlugin {
  meta: { name: string; version: string; namespace: string };
  languages: { draft: LkipLanguage };
  rules: Record<string, RuleDefinition>;
  configs: { recommended: LkipConfigObject };
}

const plugin: LkipPlugin = {
  meta: { name: '@lkip/eslint-plugin', version: '0.1.0', namespace: NAMESPACE },
  languages: { draft: new LkipLanguage(lkipRules) },
  rules,
  configs: {} as LkipPlugin['configs'],
};

plugin.configs.recommended = {
  name: 'lkip/recommended',
  // Narrow `files` to the drafts' folder when the project has other Markdown (see the README).
  files: [...RECOMMENDED_FILES],
  plugins: { [NAMESPACE]: plugin },
  language: `${NAMESPACE}/draft`,
  rules: recommendedRules,
};

/**
 * An `lkip.config.json` as an ESLint config object, so that `eslint` and `lkip lint` read a
 * project's drafts with the same settings: reading keys to `languageOptions`, rule settings to
 * `lkip/<id>`, `reportUnusedDisableDirectives` to `lkip/unused-directive`. `reportRounding` has
 * no ESLint counterpart (its notes are info level).
 */
export function fromLkipConfig(config: LkipConfig, files: string[] = [...RECOMMENDED_FILES]): { name: string; files: string[]; languageOptions: Record<string, unknown>; rules: RulesConfig } {
  const languageOptions: Record<string, unknown> = {};
  for (const key of ['rounding', 'polarity', 'scales', 'fiscalYear', 'profile'] as const) if (config[key] !== undefined) languageOptions[key] = config[key];
  const rules: RulesConfig = {};
  for (const [id, setting] of Object.entries(config.rules ?? {})) rules[`${NAMESPACE}/${id}`] = setting as RulesConfig[string];
  if (config.reportUnusedDisableDirectives !== undefined) rules[`${NAMESPACE}/${UNUSED_DIRECTIVE_RULE}`] = config.reportUnusedDisableDirectives;
  return { name: 'lkip/lkip.config.json', files, languageOptions, rules };
}

export default plugin;
