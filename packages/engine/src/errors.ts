import { compareCodeUnits } from './order.js';

/**
 * Problems with what the user asked for (a config file, a `--rule` flag, rule options), as
 * opposed to problems in the draft. The CLI maps them to ESLint's exit code 2; their messages are
 * one line so that they read well after a file name.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export type RuleReferenceSource = 'config' | 'override';

export interface UnknownRuleReference {
  ruleId: string;
  source: RuleReferenceSource;
  /** Known rule ids close to the unknown one, closest first. */
  closest: string[];
}

/** A rule id in the config or in the overrides that no loaded rule has. */
export class UnknownRuleError extends ConfigError {
  readonly unknown: UnknownRuleReference[];

  constructor(unknown: UnknownRuleReference[]) {
    super(unknown.map(describeUnknownRule).join('; '));
    this.name = 'UnknownRuleError';
    this.unknown = unknown;
  }

  /** The first unknown id, for callers that handle one at a time. */
  get ruleId(): string {
    return this.unknown[0]?.ruleId ?? '';
  }
}

function describeUnknownRule(ref: UnknownRuleReference): string {
  const where = ref.source === 'config' ? 'in config "rules"' : 'in rule overrides (--rule)';
  const hint = ref.closest.length > 0 ? ` (did you mean ${ref.closest.map((id) => `'${id}'`).join(', ')}?)` : '';
  return `Unknown rule '${ref.ruleId}' ${where}${hint}`;
}

/**
 * Known ids a typo most likely meant: small edit distance, or one contains the other (users
 * shorten `capaian-mismatch` to `capaian`).
 */
export function closestIds(wanted: string, known: Iterable<string>, limit = 3): string[] {
  const needle = wanted.toLowerCase();
  const scored: { id: string; score: number }[] = [];
  for (const id of known) {
    const hay = id.toLowerCase();
    const distance = editDistance(needle, hay);
    const threshold = Math.max(2, Math.floor(Math.max(needle.length, hay.length) / 3));
    if (distance <= threshold) scored.push({ id, score: distance });
    else if (Math.min(needle.length, hay.length) >= 3 && (hay.includes(needle) || needle.includes(hay))) scored.push({ id, score: threshold + 1 });
  }
  scored.sort((a, b) => a.score - b.score || compareCodeUnits(a.id, b.id));
  return scored.slice(0, limit).map((s) => s.id);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
