import { configJsonSchema } from '@lkip/engine';
import { toJsonSchema } from '@lkip/schema';
import type { Io } from '../io.js';

/** `lkip schema`: JSON Schema (draft 2020-12) of the document model, or of lkip.config.json for editors. */
export function schemaCommand(flags: { config?: boolean }, io: Io): number {
  const schema = flags.config ? configJsonSchema() : toJsonSchema();
  io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
  return 0;
}
