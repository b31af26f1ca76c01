import { resolveConfig, SeveritySetting, type ResolvedConfig } from './config.js';
import { ConfigError, UnknownRuleError, closestIds, type UnknownRuleReference } from './errors.js';
import type { Rule, SeverityName } from './types.js';
import { formatIssues } from './zod-issues.js';

export interface ResolvedRule {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list mixes rules of every option type
  rule: Rule<any>;
  severity: SeverityName;
  /** Validated and defaulted with `meta.options`; `{}` for rules without options. */
  options: unknown;
}

const NUMERIC_SEVERITY: Record<number, SeverityName> = { 0: 'off', 1: 'warn', 2: 'error' };

export function severityName(setting: SeveritySetting): SeverityName {
  return typeof setting === 'number' ? (NUMERIC_SEVERITY[setting] ?? 'off') : setting;
}

/**
 * Settles each rule's severity and options: the rule's default, then the config's `rules`
 * entry, then the overrides (`--rule id:level`, which keep the config's options as ESLint's
 * `--rule` does not, because lkip's flag takes no options).
 */
export function resolveRules(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see ResolvedRule
  rules: readonly Rule<any>[],
  config: ResolvedConfig = resolveConfig(),
  ruleOverrides: Readonly<Record<string, SeverityName>> = {},
): ResolvedRule[] {
  const byId = new Map<string, (typeof rules)[number]>();
  for (const rule of rules) {
    if (byId.has(rule.meta.id)) throw new Error(`Rule '${rule.meta.id}' is loaded twice`);
    byId.set(rule.meta.id, rule);
  }
  const known = [...byId.keys()];
  const unknown: UnknownRuleReference[] = [];
  for (const ruleId of Object.keys(config.rules)) {
    if (!byId.has(ruleId)) unknown.push({ ruleId, source: 'config', closest: closestIds(ruleId, known) });
  }
  for (const ruleId of Object.keys(ruleOverrides)) {
    if (!byId.has(ruleId)) unknown.push({ ruleId, source: 'override', closest: closestIds(ruleId, known) });
  }
  if (unknown.length > 0) throw new UnknownRuleError(unknown);

  return rules.map((rule) => {
    const id = rule.meta.id;
    const setting = Object.hasOwn(config.rules, id) ? config.rules[id] : undefined;
    let severity: SeverityName = rule.meta.defaultSeverity;
    let optionsInput: unknown;
    if (Array.isArray(setting)) {
      if (setting.length > 2) throw new ConfigError(`rules.${id}: expected [severity, options], got ${setting.length} items`);
      severity = severityName(setting[0]);
      optionsInput = setting[1];
    } else if (setting !== undefined) {
      severity = severityName(setting);
    }
    if (Object.hasOwn(ruleOverrides, id)) {
      const override = SeveritySetting.safeParse(ruleOverrides[id]);
      if (!override.success) {
        throw new ConfigError(`--rule ${id}: expected one of "off" | "warn" | "error", got ${JSON.stringify(ruleOverrides[id])}`);
      }
      severity = severityName(override.data);
    }
    // Options the user wrote are checked even for a rule that is off: a typo should not wait
    // until the day the rule is switched on.
    const options = severity === 'off' && optionsInput === undefined ? {} : validateOptions(rule, optionsInput);
    return { rule, severity, options };
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see ResolvedRule
export function validateOptions(rule: Rule<any>, input: unknown): unknown {
  const schema = rule.meta.options;
  if (!schema) {
    const empty = input === undefined || (typeof input === 'object' && input !== null && !Array.isArray(input) && Object.keys(input).length === 0);
    if (!empty) throw new ConfigError(`Invalid options for rule '${rule.meta.id}': the rule takes no options`);
    return {};
  }
  const given = input ?? {};
  const parsed = schema.safeParse(given);
  if (!parsed.success) throw new ConfigError(`Invalid options for rule '${rule.meta.id}': ${formatIssues(parsed.error.issues, given, schema)}`);
  return parsed.data;
}
