import { evaluate, parse as parseJson, type AnyNode, type DocumentNode, type LocationRange } from '@humanwhocodes/momoa';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { readFile, stat } from 'node:fs/promises';
import { lintDocument, type LintMessage, type LintOptions, type ReportDescriptor, type Rule, type RuleContext } from '@lkip/engine';
import { toJsonSchema, type LkipDocument, type Position } from '@lkip/schema';
import { CliError, describeFsError } from './errors.js';
import { checkSize, decodeDraft } from './read-draft.js';
import type { LocatedMessage } from './word-locations.js';

/**
 * `lkip lint model.json`: a document model written by `lkip extract` or by another system (an
 * e-SAKIP export), checked against the published JSON Schema (`lkip schema`) and then linted by
 * the same rules as a draft. Findings point into the JSON: line and column in its text, and the
 * JSON pointer of the figure (`location`).
 */

/**
 * A model is some 20 times the size of its draft (the NTT draft: 112 KB → 2.4 MB of JSON), and
 * its tree with positions takes some 23 times its size in memory (2.4 MB → 56 MB of heap).
 */
export const MAX_JSON_MODEL_BYTES = 32 * 1024 * 1024;

/** Schema violations beyond this many are counted on one last line, not listed. */
const MAX_LISTED_VIOLATIONS = 50;

export { isJsonPath } from './files.js';

/** One schema violation (or the JSON syntax error), where it is in the JSON text. */
export interface JsonViolation {
  /** RFC 6901 pointer of the value at fault; `""` is the whole document. */
  pointer: string;
  message: string;
  line: number;
  column: number;
}

export type JsonModelReading = { ok: true; doc: LkipDocument; locator: JsonLocator } | { ok: false; violations: JsonViolation[] };

/** Parses (with positions) and validates a JSON model; never throws. */
export function readJsonModel(text: string): JsonModelReading {
  let tree: DocumentNode;
  try {
    tree = parseJson(text, { mode: 'json' });
  } catch (error) {
    const { line = 1, column = 1 } = error as { line?: number; column?: number };
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s*\(\d+:\d+\)\s*$/, '');
    return { ok: false, violations: [{ pointer: '', message: `invalid JSON: ${reason}`, line, column }] };
  }
  const value = evaluate(tree.body);
  const validator = documentValidator();
  if (!validator.validate(value)) {
    const violations = relevantErrors(validator.validate.errors ?? [], value, validator).map((e) => {
      const at = nodeAt(tree.body, e.instancePath).loc.start;
      return { pointer: e.instancePath, message: describeError(e), line: at.line, column: at.column };
    });
    return { ok: false, violations: dedupe(violations) };
  }
  const doc = value as unknown as LkipDocument;
  return { ok: true, doc, locator: new JsonLocator(tree, doc) };
}

/** The lines `lkip lint` prints for an invalid model, one per violation, each naming the file. */
export function violationLines(label: string, violations: readonly JsonViolation[]): string[] {
  const lines = violations.slice(0, MAX_LISTED_VIOLATIONS).map((v) => `${label}:${v.line}:${v.column}: ${v.pointer === '' ? '(document)' : v.pointer}: ${v.message}`);
  const more = violations.length - MAX_LISTED_VIOLATIONS;
  if (more > 0) lines.push(`${label}: ${more} more schema violation(s)`);
  return lines;
}

/**
 * Lints a valid model with the given rules and options. Rules see the model as they would see
 * a draft's; each finding is then moved from the draft position it names to the figure it was
 * reported at in the JSON. Fixes edit a draft's text, so a model's findings carry none.
 */
export function lintJsonDocument(doc: LkipDocument, locator: JsonLocator, options: LintOptions): LocatedMessage[] {
  const reports = new ReportLog(locator);
  const messages = lintDocument(doc, { ...options, rules: options.rules.map((rule) => reports.track(rule)), text: undefined });
  return messages.map((m) => reports.locate(m));
}

/** The published schema gets an id so that one member of a union can be validated on its own. */
const SCHEMA_ID = 'urn:lkip:document-model';

interface ModelValidator {
  ajv: Ajv2020;
  validate: ValidateFunction;
  members: Map<string, ValidateFunction>;
}

let compiled: ModelValidator | undefined;

function documentValidator(): ModelValidator {
  // The schema `lkip schema` prints, compiled once per process.
  if (!compiled) {
    // verbose: a union's error carries its members' schemas (see relevantErrors).
    const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
    ajv.addSchema({ ...toJsonSchema(), $id: SCHEMA_ID });
    const validate = ajv.getSchema(SCHEMA_ID);
    if (!validate) throw new Error('the document schema did not compile');
    compiled = { ajv, validate, members: new Map() };
  }
  return compiled;
}

/**
 * ajv reports a value that fits no member of a union once for the union and once for every
 * member, which buries the one mistake under the requirements of the members the author never
 * meant. Each member is checked again on its own; the closest one (its discriminator such as
 * `kind` matches, then the fewest errors) speaks for the value, and nested unions the same way.
 */
function relevantErrors(errors: readonly ErrorObject[], value: unknown, validator: ModelValidator): ErrorObject[] {
  let kept = [...errors];
  const unions = errors.filter((e) => (e.keyword === 'oneOf' || e.keyword === 'anyOf') && Array.isArray(e.schema)).sort((a, b) => a.instancePath.length - b.instancePath.length);
  const settled: string[] = [];
  for (const union of unions) {
    if (settled.some((p) => isWithin(union.instancePath, p))) continue;
    const member = valueAt(value, union.instancePath);
    const candidates = (union.schema as unknown[]).map((schema) => memberErrors(schema, member, validator));
    const ranked = candidates.filter((c): c is ErrorObject[] => c !== undefined).sort((a, b) => mismatchedDiscriminator(a) - mismatchedDiscriminator(b) || a.length - b.length);
    const closest = ranked[0];
    if (!closest || closest.length === 0) continue;
    kept = kept.filter((e) => !isWithin(e.instancePath, union.instancePath));
    kept.push(...relevantErrors(closest, member, validator).map((e) => ({ ...e, instancePath: union.instancePath + e.instancePath })));
    settled.push(union.instancePath);
  }
  return kept;
}

function memberErrors(schema: unknown, value: unknown, validator: ModelValidator): ErrorObject[] | undefined {
  const key = JSON.stringify(schema);
  let validate = validator.members.get(key);
  if (!validate) {
    // Members refer to the schema's definitions (`#/$defs/…`), which live under its id.
    const absolute = JSON.parse(key.replace(/"\$ref":"#/g, `"$ref":"${SCHEMA_ID}#`)) as object;
    try {
      validate = validator.ajv.compile(absolute);
    } catch {
      return undefined;
    }
    validator.members.set(key, validate);
  }
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

/** 1 when the member's own `const` (a `kind` discriminator) rejects the value: not the member meant. */
function mismatchedDiscriminator(errors: readonly ErrorObject[]): number {
  return errors.some((e) => e.keyword === 'const' && /^\/[^/]+$/.test(e.instancePath)) ? 1 : 0;
}

function valueAt(value: unknown, pointer: string): unknown {
  let at = value;
  for (const token of pointerTokens(pointer)) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[token];
  }
  return at;
}

function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

function describeError(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  const message = e.message ?? 'invalid';
  if (e.keyword === 'additionalProperties') return `${message} (${JSON.stringify(params.additionalProperty)})`;
  if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) return `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  if (e.keyword === 'const') return `must be ${JSON.stringify(params.allowedValue)}`;
  return message;
}

function dedupe(violations: JsonViolation[]): JsonViolation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = `${v.pointer}\u0000${v.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** RFC 6901: `/a~1b/0` names member "a/b", then element 0. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The node at `pointer`, or the deepest node on its way that exists (a required member is missing). */
function nodeAt(root: AnyNode, pointer: string): AnyNode {
  let node = root;
  for (const token of pointerTokens(pointer)) {
    let next: AnyNode | undefined;
    if (node.type === 'Object') next = node.members.find((m) => (m.name.type === 'String' ? m.name.value : m.name.name) === token)?.value;
    else if (node.type === 'Array' && /^\d+$/.test(token)) next = node.elements[Number(token)]?.value;
    if (!next) break;
    node = next;
  }
  return node;
}

const POSITION_KEYS = ['line', 'column', 'offset', 'endLine', 'endColumn', 'endOffset'] as const;

function isPosition(value: unknown): value is Position {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return POSITION_KEYS.every((k) => typeof record[k] === 'number');
}

/**
 * Which part of the model a finding is about, when a rule reported a position that is not one
 * of the model's own objects: the layers rules read first, raw tables last.
 */
const COLLECTION_ORDER = ['measurements', 'indicators', 'fractions', 'claims', 'formulas', 'budget', 'scales', 'units', 'goals', 'sentences', 'meta', 'directives', 'sections', 'diagnostics'];

/** Where the figures of a model stand in its JSON text. */
export class JsonLocator {
  private readonly pointers = new Map<Position, string>();
  private bySpan: Map<string, string[]> | undefined;

  constructor(
    private readonly tree: DocumentNode,
    private readonly doc: LkipDocument,
  ) {
    this.index(doc, '');
  }

  /** The pointer of the object that holds `position` (a quantity, a measurement, a directive…). */
  holderOf(position: Position): string | undefined {
    const own = this.pointers.get(position);
    if (own !== undefined) return parentPointer(own);
    const same = this.spans().get(spanKey(position));
    return same?.[0];
  }

  /**
   * The pointer a finding shows: for a figure, its `value` (what a planning office edits);
   * otherwise the holder itself.
   */
  focus(holder: string): string {
    const value = this.valueAt(holder);
    if (typeof value !== 'object' || value === null) return holder;
    const record = value as Record<string, unknown>;
    const quantity = record.quantity;
    if (typeof quantity === 'object' && quantity !== null && typeof (quantity as Record<string, unknown>).value === 'number') return `${holder}/quantity/value`;
    if (typeof record.value === 'number') return `${holder}/value`;
    return holder;
  }

  /** The place of a pointer's value in the JSON text (1-based lines and columns, end exclusive). */
  range(pointer: string): LocationRange {
    return nodeAt(this.tree.body, pointer).loc;
  }

  private index(value: unknown, pointer: string): void {
    if (typeof value !== 'object' || value === null) return;
    if (isPosition(value)) {
      this.pointers.set(value, pointer);
      return;
    }
    if (Array.isArray(value)) value.forEach((item, i) => this.index(item, `${pointer}/${i}`));
    else for (const [key, item] of Object.entries(value)) this.index(item, `${pointer}/${escapeToken(key)}`);
  }

  private spans(): Map<string, string[]> {
    if (this.bySpan) return this.bySpan;
    const rank = (pointer: string) => {
      const i = COLLECTION_ORDER.indexOf(pointerTokens(pointer)[0] ?? '');
      return i === -1 ? COLLECTION_ORDER.length : i;
    };
    const bySpan = new Map<string, string[]>();
    for (const [position, pointer] of this.pointers) {
      const list = bySpan.get(spanKey(position)) ?? [];
      list.push(parentPointer(pointer));
      bySpan.set(spanKey(position), list);
    }
    for (const list of bySpan.values()) list.sort((a, b) => rank(a) - rank(b));
    this.bySpan = bySpan;
    return bySpan;
  }

  private valueAt(pointer: string): unknown {
    return valueAt(this.doc, pointer);
  }
}

function parentPointer(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

function spanKey(p: Pick<Position, 'line' | 'column' | 'endLine' | 'endColumn'>): string {
  return `${p.line}:${p.column}:${p.endLine}:${p.endColumn}`;
}

interface Reported {
  holder: string | undefined;
  related: (string | undefined)[];
}

/**
 * Remembers, per rule, the model objects each report was made at (the engine keeps only their
 * lines and columns), so a finding lands on the figure the rule looked at even when a model
 * from another system gives several figures the same made-up position.
 */
class ReportLog {
  private readonly reports = new Map<string, Reported[]>();

  constructor(private readonly locator: JsonLocator) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any rule is tracked the same way
  track(rule: Rule<any>): Rule<any> {
    return {
      meta: rule.meta,
      check: (doc, context) => {
        const tracked: RuleContext<unknown> = {
          ...context,
          report: (descriptor: ReportDescriptor) => {
            this.remember(rule.meta.id, descriptor);
            context.report(descriptor);
          },
        };
        rule.check(doc, tracked);
      },
    };
  }

  locate(message: LintMessage): LocatedMessage {
    const queue = this.reports.get(reportKey(message.ruleId, message.messageId, message));
    const reported = queue?.shift();
    const holder = reported?.holder ?? this.locator.holderOf(positionOf(message));
    const { fix: _fix, suggestions: _suggestions, ...rest } = message;
    const out: LocatedMessage = { ...rest };
    if (holder !== undefined) Object.assign(out, this.place(holder));
    if (message.related) {
      out.related = message.related.map((r, i) => {
        const relatedHolder = reported?.related[i] ?? this.locator.holderOf(positionOf(r));
        return relatedHolder === undefined ? r : { ...r, ...this.place(relatedHolder) };
      });
    }
    return out;
  }

  private place(holder: string): { line: number; column: number; endLine: number; endColumn: number; location: string } {
    const pointer = this.locator.focus(holder);
    const { start, end } = this.locator.range(pointer);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, location: pointer };
  }

  private remember(ruleId: string, descriptor: ReportDescriptor): void {
    const key = reportKey(ruleId, descriptor.messageId, descriptor.at);
    const list = this.reports.get(key) ?? [];
    list.push({ holder: this.locator.holderOf(descriptor.at), related: (descriptor.related ?? []).map((r) => this.locator.holderOf(r.at)) });
    this.reports.set(key, list);
  }
}

function reportKey(ruleId: string | null, messageId: string | undefined, at: Pick<Position, 'line' | 'column' | 'endLine' | 'endColumn'>): string {
  return `${ruleId ?? ''}|${messageId ?? ''}|${spanKey(at)}`;
}

function positionOf(m: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>): Position {
  return { line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, offset: -1, endOffset: -1 };
}

/** What `lkip lint` makes of a JSON model: the lines refusing it, or its findings. */
export type JsonModelLint = { refusal: string[] } | { doc: LkipDocument; messages: LocatedMessage[] };

export function lintJsonModel(text: string, label: string, options: LintOptions): JsonModelLint {
  const reading = readJsonModel(text);
  if (!reading.ok) return { refusal: violationLines(label, reading.violations) };
  return { doc: reading.doc, messages: lintJsonDocument(reading.doc, reading.locator, options) };
}

/** Reads a JSON model file as `readDraftInput` reads drafts: one-line CliErrors naming `label`. */
export async function readJsonModelFile(path: string, label: string): Promise<{ bytes: Buffer; text: string }> {
  let bytes: Buffer;
  try {
    checkSize((await stat(path)).size, label, MAX_JSON_MODEL_BYTES, 'JSON model');
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${label}: cannot read file: ${describeFsError(error)}`);
  }
  const { text } = decodeDraft(bytes, label);
  if (text.trim() === '') throw new CliError(`${label}: empty file`);
  return { bytes, text };
}
