import { z } from 'zod';

export const SeveritySetting = z.union([z.enum(['off', 'warn', 'error']), z.literal(0), z.literal(1), z.literal(2)]);

export const RuleSetting = z.union([SeveritySetting, z.tuple([SeveritySetting]).rest(z.unknown())]);

export const PolarityOverride = z
  .object({
    /** A case-insensitive regular expression tested against the indicator's name. */
    pattern: z.string().min(1),
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
    indicatorPattern: z.string().min(1),
    bands: z.array(ConfigBand).min(1),
  })
  .strict();
export type ConfigScale = z.infer<typeof ConfigScale>;

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
  })
  .strict();
export type LkipConfig = z.input<typeof LkipConfig>;
export type ResolvedConfig = z.output<typeof LkipConfig>;

export function resolveConfig(input: unknown = {}): ResolvedConfig {
  return LkipConfig.parse(input);
}
