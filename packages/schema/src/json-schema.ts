import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';
import { z } from 'zod';
import { LkipDocument } from './document.js';

/** The document model as JSON Schema draft 2020-12, for editors and for tools in other languages. */
export function toJsonSchema(schema: z.ZodType = LkipDocument): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
}

export interface JsonValidationResult {
  valid: boolean;
  errors: { path: string; message: string }[];
}

let compiled: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } | undefined;

/** Validates a JSON value (an `lkip extract` output, say) against the exported JSON Schema with ajv. */
export function validateDocumentJson(data: unknown): JsonValidationResult {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    compiled = ajv.compile(toJsonSchema());
  }
  const valid = compiled(data);
  return {
    valid,
    errors: (compiled.errors ?? []).map((e) => ({ path: e.instancePath || '/', message: e.message ?? 'invalid' })),
  };
}
