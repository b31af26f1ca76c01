import { z } from 'zod';
import { Position } from './position.js';

/** One reading of a number's text: the value and how many decimals the text shows. */
export const NumberReading = z
  .object({
    value: z.number(),
    decimals: z.int().min(0),
  })
  .meta({ id: 'NumberReading' });
export type NumberReading = z.infer<typeof NumberReading>;

/**
 * A figure as stated in a draft. `value`/`decimals` hold the reading the reader chose; when the
 * text alone cannot decide (`1.250` could be 1250 or 1.25), `ambiguous` lists every reading and
 * rules must treat the figure as uncertain instead of trusting `value`.
 */
export const Quantity = z
  .object({
    value: z.number(),
    raw: z.string(),
    decimals: z.int().min(0),
    /** The unit of measure written next to the figure ("Indeks", "Kab/Kota", "Orang", "%", "Rp"). */
    unit: z.string().optional(),
    /** The figure is a percentage (a `%` sign, "persen", or a column headed `%`). */
    percent: z.boolean().optional(),
    /** `≥ 53,71` and friends: the figure is a bound, not a point. */
    bound: z.enum(['ge', 'gt', 'le', 'lt']).optional(),
    ambiguous: z
      .object({
        readings: z.array(NumberReading).min(2),
        reason: z.string(),
      })
      .optional(),
    position: Position,
  })
  .meta({ id: 'Quantity' });
export type Quantity = z.infer<typeof Quantity>;
