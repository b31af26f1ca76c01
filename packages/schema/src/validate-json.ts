import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';
import { toJsonSchema } from './json-schema.js';

// Its own entry (`@lkip/schema/validate-json`), not part of the package's index: ajv costs tens
// of milliseconds to load, on every lint that imports the index, and only tools that check JSON need it.

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
