import { LkipConfig, formatIssues, resolveConfig, type Locale, type ResolvedConfig } from '@lkip/engine';
import { PROFILE_IDS } from '@lkip/parse';

/**
 * `languageOptions` of the `lkip/draft` language: the message language, and the keys of
 * `lkip.config.json` that say how drafts are read and checked. Severities and rule options are
 * ESLint's business (`rules: { 'lkip/capaian-mismatch': 'warn' }`), so `rules` is not here; nor
 * is `reportRounding`, whose notes are info level, which ESLint has no place for.
 */
export interface LkipLanguageOptions {
  /** Message language: `id` (the default, as `lkip lint`) or `en`. */
  locale?: Locale;
  rounding?: LkipConfig['rounding'];
  polarity?: LkipConfig['polarity'];
  scales?: LkipConfig['scales'];
  fiscalYear?: LkipConfig['fiscalYear'];
  profile?: LkipConfig['profile'];
  [key: string]: unknown;
}

const CONFIG_KEYS = ['rounding', 'polarity', 'scales', 'fiscalYear', 'profile'] as const;
const KNOWN_KEYS = new Set<string>(['locale', ...CONFIG_KEYS]);

/**
 * Keys of the JavaScript language that a config object without `files` (a shared `globals`
 * block, say) spreads over every file ESLint lints; they mean nothing to a draft and are let pass.
 */
const JAVASCRIPT_KEYS = new Set(['globals', 'ecmaVersion', 'sourceType', 'parser', 'parserOptions']);

export const DEFAULT_LANGUAGE_OPTIONS: LkipLanguageOptions = { locale: 'id' };

/** Throws an Error ESLint shows as a config error; unknown keys are typos, not extensions. */
export function validateLanguageOptions(options: LkipLanguageOptions): void {
  for (const key of Object.keys(options)) {
    if (!KNOWN_KEYS.has(key) && !JAVASCRIPT_KEYS.has(key)) {
      const hint = key === 'rules' ? ' (set rules in the config object\'s "rules", as lkip/<rule-id>)' : '';
      throw new Error(`Unknown language option "${key}" for lkip/draft${hint}; known options: ${[...KNOWN_KEYS].join(', ')}`);
    }
  }
  if (options.locale !== undefined && options.locale !== 'id' && options.locale !== 'en') {
    throw new Error(`languageOptions.locale: expected "id" or "en", got ${JSON.stringify(options.locale)}`);
  }
  const input = configInput(options);
  const parsed = LkipConfig.safeParse(input);
  if (!parsed.success) throw new Error(`languageOptions: ${formatIssues(parsed.error.issues, input, LkipConfig)}`);
  const profile = parsed.data.profile;
  const profileId = typeof profile === 'string' ? profile : profile?.extends;
  if (profileId !== undefined && !PROFILE_IDS.includes(profileId)) {
    throw new Error(`languageOptions.profile: unknown agency profile "${profileId}" (known profiles: ${PROFILE_IDS.join(', ')})`);
  }
}

/** The lkip config these options stand for, with the given rule settings. */
export function configFor(options: LkipLanguageOptions, rules: ResolvedConfig['rules'], reportUnusedDisableDirectives: ResolvedConfig['reportUnusedDisableDirectives']): ResolvedConfig {
  return resolveConfig({ ...configInput(options), rules, reportUnusedDisableDirectives });
}

export function localeOf(options: LkipLanguageOptions): Locale {
  return options.locale === 'en' ? 'en' : 'id';
}

function configInput(options: LkipLanguageOptions): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) if (options[key] !== undefined) input[key] = options[key];
  return input;
}
