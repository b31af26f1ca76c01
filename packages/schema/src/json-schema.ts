import { z } from 'zod';
import { LkipDocument } from './document.js';

/** The document model as JSON Schema draft 2020-12, for editors and for tools in other languages. */
export function toJsonSchema(schema: z.ZodType = LkipDocument): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
}
