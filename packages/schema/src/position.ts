import { z } from 'zod';

/**
 * A place in the source text. Lines and columns are 1-based (as editors and ESLint show them),
 * offsets are 0-based UTF-16 indices into the text the reader saw, `end*` is exclusive.
 */
export const Position = z
  .object({
    line: z.int().min(1),
    column: z.int().min(1),
    offset: z.int().min(0),
    endLine: z.int().min(1),
    endColumn: z.int().min(1),
    endOffset: z.int().min(0),
  })
  .meta({ id: 'Position' });
export type Position = z.infer<typeof Position>;

/** A stretch of text with its place, for labels such as a category name or an office name. */
export const TextSpan = z
  .object({
    text: z.string(),
    position: Position,
  })
  .meta({ id: 'TextSpan' });
export type TextSpan = z.infer<typeof TextSpan>;
