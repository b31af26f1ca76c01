import { ColumnRole } from '@lkip/schema';
import { z } from 'zod';
import { ConfigError, UnknownRuleError, closestIds } from './errors.js';
import { formatIssues } from './zod-issues.js';

// Patterns are compiled with the `i` flag wherever they are used; checking them here turns a
// broken pattern into a config error with its path instead of a crash in the middle of a run.
const RegexPattern = z
  .string()
  .min(1)
  .superRefine((pattern, ctx) => {
    const problem = regexProblem(pattern);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `not a valid regular expression (${problem})` });
  });

function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'i');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Compiles a case-insensitive pattern from the config; a broken one is a ConfigError naming `where`. */
export function configPattern(pattern: string, where: string): RegExp {
  const problem = regexProblem(pattern);
  if (problem !== undefined) throw new ConfigError(`${where}: not a valid regular expression (${problem})`);
  return new RegExp(pattern, 'i');
}

export const SeveritySetting = z.union([z.enum(['off', 'warn', 'error']), z.literal(0), z.literal(1), z.literal(2)]);
export type SeveritySetting = z.infer<typeof SeveritySetting>;

export const RuleSetting = z.union([SeveritySetting, z.tuple([SeveritySetting]).rest(z.unknown())]);

export const PolarityOverride = z
  .object({
    /** A case-insensitive regular expression tested against the indicator's name. */
    pattern: RegexPattern,
    polarity: z.enum(['higher-is-better', 'lower-is-better']),
    /**
     * How achievement is computed for lower-is-better indicators: `target/realisation`
     * (Target / Realisasi × 100) or `2target-realisation` ((2 × Target − Realisasi) / Target × 100).
     */
    formula: z.enum(['target/realisation', '2target-realisation']).default('target/realisation'),
    /** Achievement is capped at this percentage (some agencies cap at 120 %). */
    cap: z.number().positive().optional(),
  })
  .strict();
export type PolarityOverride = z.infer<typeof PolarityOverride>;

export const ConfigBand = z
  .object({
    label: z.string().min(1),
    min: z.number().optional(),
    max: z.number().optional(),
    minInclusive: z.boolean().default(true),
    maxInclusive: z.boolean().default(true),
  })
  .strict();

export const ConfigScale = z
  .object({
    name: z.string().min(1),
    /** A case-insensitive regular expression tested against indicator names the scale applies to. */
    indicatorPattern: RegexPattern,
    bands: z.array(ConfigBand).min(1),
  })
  .strict();
export type ConfigScale = z.infer<typeof ConfigScale>;

const OfficeKind = z.enum(['province', 'regency', 'city', 'other']);

/** One kind of office and how the draft writes it before the place name. */
export const ConfigOffice = z
  .object({
    kind: OfficeKind,
    /** The words before the place name ("Kantor Kabupaten", "KCP"); case-insensitive, a final "." optional. */
    prefixes: z.array(z.string().trim().min(1)).min(1),
    /** The unit's name, with `{place}` (and `{prefix}`) to fill: "Kantor Kabupaten {place}". */
    display: z.string().min(1).optional(),
    /** Only signed PK titles and per-office table rows name such an office, never prose. */
    strongOnly: z.boolean().optional(),
  })
  .strict();

/** Additions to a built-in agency profile (`extends`, else the profile detected from the title). */
export const ConfigProfile = z
  .object({
    /** The built-in profile to start from (`PROFILE_IDS` of @lkip/parse). */
    extends: z.string().min(1).optional(),
    /** The agency's names and acronyms, as its title writes them. */
    agencyNames: z.array(z.string().trim().min(1)).optional(),
    offices: z.array(ConfigOffice).optional(),
    /** What the agency calls its indicators (IKU, IKK, IKSS, ...), most usual first; replaces the profile's list. */
    indicatorAcronyms: z.array(z.string().regex(/^[A-Z]{2,8}$/, 'an upper-case acronym')).optional(),
    /** The long form of each acronym: { "IKSS": "Indikator Kinerja Sasaran Strategis" }. */
    indicatorTerms: z.record(z.string(), z.string().min(1)).optional(),
    /** Header words per column role ({ "target": ["sasaran angka"] }); they win over the built-in words. */
    headerSynonyms: z.partialRecord(ColumnRole, z.array(z.string().trim().min(1))).optional(),
    /** Words of indicator names that make an indicator lower-is-better. */
    lowerIsBetter: z.array(z.string().min(1)).optional(),
    /** Capitalised words that follow an office name in running text and are not part of it. */
    stopWords: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type ConfigProfile = z.infer<typeof ConfigProfile>;

/** `lkip.config.json`. */
export const LkipConfig = z
  .object({
    $schema: z.string().optional(),
    rules: z.record(z.string(), RuleSetting).default({}),
    /** How stated figures were rounded: nearest, truncate, or either (the default). */
    rounding: z.enum(['nearest', 'truncate', 'either']).default('either'),
    /** Report figures that hold only thanks to the rounding of their inputs, at info level. */
    reportRounding: z.boolean().default(false),
    /** Report disable comments that suppress nothing. */
    reportUnusedDisableDirectives: z.enum(['off', 'warn', 'error']).default('warn'),
    polarity: z.array(PolarityOverride).default([]),
    scales: z.array(ConfigScale).default([]),
    /** The report's fiscal year, when the draft does not say it clearly. */
    fiscalYear: z.int().min(1945).max(2200).optional(),
    /**
     * The agency vocabulary to read drafts with: a built-in profile's id, or additions to one
     * ({ "extends": "<id>", "offices": [...] }). Detected from the title when absent.
     */
    profile: z.union([z.string().min(1), ConfigProfile]).optional(),
    /**
     * Earlier years' filings of the same agency (paths relative to this file, or a list of them):
     * the figures a draft gives for earlier years are checked against them (rule history-mismatch).
     */
    previous: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /**
     * The reader's bounds (`DEFAULT_LIMITS` of @lkip/parse): blockquotes and lists one line may
     * sit in, columns and cells of one table. A draft past one is refused, naming it; raise it
     * here (or with `--limit name=N`) for a draft that really needs more.
     */
    limits: z
      .object({
        nesting: z.int().min(1).optional(),
        columns: z.int().min(1).optional(),
        cells: z.int().min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type LkipConfig = z.input<typeof LkipConfig>;
export type ResolvedConfig = z.output<typeof LkipConfig>;

export function resolveConfig(input: unknown = {}): ResolvedConfig {
  return LkipConfig.parse(input);
}

export type ConfigParseResult = { config: ResolvedConfig } | { error: string };

export interface ParseConfigOptions {
  /** The ids of the loaded rules: when given, a `rules` key naming none of them is an error. */
  ruleIds?: Iterable<string>;
  /** The ids of the built-in agency profiles: when given, a `profile` naming none of them is an error. */
  profileIds?: Iterable<string>;
}

/**
 * Reads the text of `lkip.config.json`. Errors come back as one line (the CLI prints it after
 * the file name), never as a throw: a broken config is a usage error, not a crash.
 */
export function parseConfigText(jsonText: string, options: ParseConfigOptions = {}): ConfigParseResult {
  // Windows editors save JSON with a byte-order mark, which JSON.parse rejects.
  const text = jsonText.charCodeAt(0) === 0xfeff ? jsonText.slice(1) : jsonText;
  if (text.trim() === '') return { error: 'Invalid JSON: the file is empty' };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { error: describeJsonError(text, error) };
  }
  const parsed = LkipConfig.safeParse(input);
  if (!parsed.success) return { error: formatIssues(parsed.error.issues, input, LkipConfig) };
  if (options.ruleIds !== undefined) {
    const known = [...options.ruleIds];
    const unknown = Object.keys(parsed.data.rules)
      .filter((id) => !known.includes(id))
      .map((ruleId) => ({ ruleId, source: 'config' as const, closest: closestIds(ruleId, known) }));
    if (unknown.length > 0) return { error: new UnknownRuleError(unknown).message };
  }
  if (options.profileIds !== undefined && parsed.data.profile !== undefined) {
    const known = [...options.profileIds];
    const id = typeof parsed.data.profile === 'string' ? parsed.data.profile : parsed.data.profile.extends;
    if (id !== undefined && !known.includes(id)) {
      const closest = closestIds(id, known);
      const hint = closest.length > 0 ? `; did you mean ${closest.map((c) => `"${c}"`).join(' or ')}?` : '';
      return { error: `profile: unknown agency profile "${id}" (known profiles: ${known.join(', ')})${hint}` };
    }
  }
  return { config: parsed.data };
}

/**
 * JSON.parse's message differs per engine: V8 says "at position 11" (newer V8 adds
 * "(line 3 column 1)"), Firefox "at line 3 column 1 of the JSON data". Editors count lines and
 * columns, so turn whichever we get into those.
 */
function describeJsonError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  let line: number | undefined;
  let column: number | undefined;
  const lineColumn = /line (\d+) column (\d+)/.exec(raw);
  const position = /at position (\d+)/.exec(raw);
  if (lineColumn) {
    line = Number(lineColumn[1]);
    column = Number(lineColumn[2]);
  } else if (position) {
    ({ line, column } = lineColumnAt(text, Number(position[1])));
  } else if (/end of (JSON )?(input|data)/i.test(raw)) {
    ({ line, column } = lineColumnAt(text, text.length));
  }
  const reason = raw
    .replace(/^JSON\.parse: /, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ (in JSON )?at position \d+.*$/s, '')
    .replace(/ at line \d+ column \d+.*$/s, '')
    .trim();
  const where = line !== undefined && column !== undefined ? ` at line ${line}, column ${column}` : '';
  return `Invalid JSON${where}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
}

function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** The JSON Schema of `lkip.config.json` (what users write, so defaults are optional). */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(LkipConfig, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}
