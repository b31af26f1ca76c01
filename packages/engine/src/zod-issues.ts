import { z } from 'zod';
import { closestIds } from './errors.js';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/**
 * Zod's issues as one readable line: `rules.capaian-mismatch: expected one of "off" | "warn" |
 * "error" | 0 | 1 | 2 (or an array [severity, options]), got "erorr"`. Zod's own text for a
 * union is "Invalid input", which leaves a user editing a JSON file with nothing to go on.
 */
export function formatIssues(issues: readonly Issue[], input: unknown, schema?: z.ZodType): string {
  const lines: string[] = [];
  for (const issue of issues) lines.push(...describeIssue(issue, [], input, schema));
  return [...new Set(lines)].join('; ');
}

function describeIssue(issue: Issue, base: readonly PathKey[], input: unknown, schema: z.ZodType | undefined): string[] {
  const path = [...base, ...issue.path];
  const value = valueAt(input, path);
  switch (issue.code) {
    case 'invalid_union':
      return describeUnion(issue.errors, path, input, schema);
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = schema ? objectKeysAt(schema, path) : [];
        const close = closestIds(key, known, 1);
        const hint = close.length > 0 ? ` (did you mean "${close[0]}"?)` : '';
        return withPath([...path, key], `unknown key${hint}`);
      });
    case 'invalid_value':
      return [withPath(path, `${expectedValues(issue.values)}, got ${describeValue(value)}`)];
    case 'invalid_type':
      return [withPath(path, `expected ${typeName(issue.expected)}, got ${describeValue(value)}`)];
    default:
      return [withPath(path, plainMessage(issue.message))];
  }
}

function describeUnion(branches: readonly (readonly Issue[])[], path: readonly PathKey[], input: unknown, schema: z.ZodType | undefined): string[] {
  const value = valueAt(input, path);
  const isArray = Array.isArray(value);
  const arrayBranches = branches.filter(acceptsArrays);
  // A union of "a word, or an array starting with that word" (rule settings) only makes sense
  // to explain along the branch the user was writing.
  const relevant = branches.filter((b) => acceptsArrays(b) === isArray);
  const chosen = relevant.length > 0 ? relevant : branches;

  const leaves = chosen.flatMap((b) => flattenLeaves(b, path));
  const samePath = leaves.every((l) => samePathAs(l.path, leaves[0]?.path ?? []));
  if (leaves.length > 0 && samePath && leaves.every((l) => l.issue.code === 'invalid_value')) {
    const values = leaves.flatMap((l) => (l.issue.code === 'invalid_value' ? l.issue.values : []));
    const leafPath = leaves[0]?.path ?? path;
    const orArray = !isArray && arrayBranches.length > 0 ? ` (or an array${isRuleSettingPath(path) ? ' [severity, options]' : ''})` : '';
    return [withPath(leafPath, `${expectedValues(values)}${orArray}, got ${describeValue(valueAt(input, leafPath))}`)];
  }
  // "A name, or an object of additions": explain along the branch of the kind the user wrote,
  // not the one that only says the value has the wrong type.
  const sameKind = chosen.filter((b) => !(b.length === 1 && b[0]?.code === 'invalid_type' && b[0].path.length === 0));
  const first = sameKind[0] ?? chosen[0];
  return first ? first.flatMap((issue) => describeIssue(issue, path, input, schema)) : [withPath(path, 'invalid value')];
}

function flattenLeaves(issues: readonly Issue[], base: readonly PathKey[]): { issue: Issue; path: PathKey[] }[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union') return issue.errors.flatMap((b) => flattenLeaves(b, path));
    return [{ issue, path }];
  });
}

function acceptsArrays(branch: readonly Issue[]): boolean {
  // A branch for arrays either complains that the input is not one, or complains about an element.
  return branch.some(
    (i) => (i.code === 'invalid_type' && (i.expected === 'array' || i.expected === 'tuple')) || typeof i.path[0] === 'number',
  );
}

function isRuleSettingPath(path: readonly PathKey[]): boolean {
  return path.length === 2 && path[0] === 'rules';
}

function samePathAs(a: readonly PathKey[], b: readonly PathKey[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function expectedValues(values: readonly unknown[]): string {
  const shown = [...new Set(values)].map((v) => JSON.stringify(v) ?? String(v));
  return shown.length === 1 ? `expected ${shown[0]}` : `expected one of ${shown.join(' | ')}`;
}

const TYPE_NAMES: Record<string, string> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'an array',
  tuple: 'an array',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value) ?? String(value);
}

function plainMessage(message: string): string {
  const text = message.replace(/^Invalid (input|option): /, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$-]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function withPath(path: readonly PathKey[], text: string): string {
  const where = formatPath(path);
  return where === '' ? text : `${where}: ${text}`;
}

function valueAt(input: unknown, path: readonly PathKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The keys an object schema allows at `path`, to suggest the key a typo meant. */
function objectKeysAt(schema: z.ZodType, path: readonly PathKey[]): string[] {
  let current: unknown = schema;
  for (const key of path) {
    current = unwrap(current);
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, unknown>)[String(key)];
    else if (current instanceof z.ZodArray) current = current.element;
    else if (current instanceof z.ZodRecord) current = current.valueType;
    else return [];
  }
  current = unwrap(current);
  return current instanceof z.ZodObject ? Object.keys(current.shape as Record<string, unknown>) : [];
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  while (current instanceof z.ZodDefault || current instanceof z.ZodOptional) current = current.unwrap();
  return current;
}
