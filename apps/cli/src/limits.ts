import { CliError } from './errors.js';

/**
 * `--limit name=N`: raises (or lowers) one of the reader's bounds for this run, over the
 * `limits` of lkip.config.json. The names and defaults are @lkip/parse's `DEFAULT_LIMITS`;
 * repeated here so the command line is built without loading the reader.
 */
export const LIMIT_NAMES = ['nesting', 'columns', 'cells'] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];
export type LimitSettings = Partial<Record<LimitName, number>>;

export function parseLimitFlags(values: readonly string[] | undefined): LimitSettings {
  const out: LimitSettings = {};
  for (const value of values ?? []) {
    const match = /^\s*(\w+)\s*=\s*(\d+)\s*$/.exec(value);
    const name = LIMIT_NAMES.find((n) => n === match?.[1]);
    const n = Number(match?.[2]);
    if (!match || !name || !Number.isSafeInteger(n) || n < 1) {
      throw new CliError(`Invalid --limit '${value}': expected <name>=<whole number of at least 1>, name one of ${LIMIT_NAMES.join(', ')}`);
    }
    out[name] = n;
  }
  return out;
}

/** `config` with the `--limit` values over its own `limits`. */
export function withLimitFlags<C extends { limits?: LimitSettings | undefined }>(config: C, values: readonly string[] | undefined): C {
  const flags = parseLimitFlags(values);
  if (Object.keys(flags).length === 0) return config;
  return { ...config, limits: { ...config.limits, ...flags } };
}

/**
 * The one line a draft refused for a limit gets: the reader's words, and how to raise it.
 * `message` is the `limit-exceeded` diagnostic's (ending "(limits.<name>)").
 */
export function describeLimitRefusal(message: string): string {
  const name = /\(limits\.(\w+)\)$/.exec(message)?.[1];
  if (name === undefined) return message;
  return `${message.replace(/\s*\(limits\.\w+\)$/, '')}; raise it with --limit ${name}=N or "limits": {"${name}": N} in lkip.config.json`;
}
