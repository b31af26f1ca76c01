import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineRule, type Rule } from '@lkip/engine';
import { emptyDocument, type LkipDocument, type Position } from '@lkip/schema';
import type { ParseOptions } from '@lkip/parse';
import { run, type Io } from '../src/index.js';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TestIoOptions {
  cwd: string;
  stdin?: string;
  isTTY?: boolean;
  env?: Record<string, string | undefined>;
}

/**
 * A stand-in for the draft reader, independent of @lkip/parse (still being written): every
 * marker word becomes a "reporting unit" whose position the fake rules report at. The CLI's
 * plumbing is under test here, not the reading of drafts.
 */
export const MARKERS = /\b(ERR|WARN|FIXME|ROUND)\b/g;

export function fakeParse(text: string, options: ParseOptions = {}): LkipDocument {
  const doc = emptyDocument(options.format ?? 'markdown', text.length);
  if (options.path !== undefined) doc.source.path = options.path;
  for (const match of text.matchAll(MARKERS)) {
    const offset = match.index;
    doc.units.push({
      id: `u${doc.units.length}`,
      name: match[0],
      kind: 'other',
      placeName: match[0],
      spellings: [match[0]],
      position: positionOf(text, offset, offset + match[0].length),
    });
  }
  return doc;
}

export function positionOf(text: string, offset: number, endOffset: number): Position {
  const at = (o: number) => {
    const before = text.slice(0, o);
    const line = before.split('\n').length;
    return { line, column: o - (before.lastIndexOf('\n') + 1) + 1 };
  };
  const start = at(offset);
  const end = at(endOffset);
  return { line: start.line, column: start.column, offset, endLine: end.line, endColumn: end.column, endOffset };
}

export interface FakeRules {
  rules: Rule[];
  /** How many times each rule's `check` ran: the cache test counts on it. */
  calls: Record<string, number>;
}

export function fakeRules(): FakeRules {
  const calls: Record<string, number> = { 'fake-error': 0, 'fake-warning': 0, 'fake-rounding': 0 };
  const units = (doc: LkipDocument, name: string) => doc.units.filter((u) => u.name === name && u.position);
  const fakeError = defineRule({
    meta: {
      id: 'fake-error',
      family: 'achievement',
      defaultSeverity: 'error',
      fixable: true,
      docs: { description: 'Marker words ERR and FIXME are errors', descriptionId: 'Kata penanda ERR dan FIXME adalah galat' },
      messages: {
        marker: { en: 'Marker {word} found.', id: 'Penanda {word} ditemukan.' },
      },
    },
    check(doc, context) {
      calls['fake-error'] = (calls['fake-error'] ?? 0) + 1;
      const firstWarn = units(doc, 'WARN')[0]?.position;
      for (const unit of [...units(doc, 'ERR'), ...units(doc, 'FIXME')]) {
        const at = unit.position as Position;
        context.report({
          at,
          messageId: 'marker',
          data: { word: unit.name },
          subject: { indicator: 'IKK 1', unit: unit.name, role: 'achievement' },
          ...(unit.name === 'FIXME' ? { fix: { at, text: 'FIXED' } } : {}),
          ...(firstWarn ? { related: [{ at: firstWarn, note: 'tabel Lampiran' }] } : {}),
        });
      }
    },
  });
  const fakeWarning = defineRule({
    meta: {
      id: 'fake-warning',
      family: 'year',
      defaultSeverity: 'warn',
      fixable: false,
      docs: { description: 'Marker word WARN is a warning', descriptionId: 'Kata penanda WARN adalah peringatan' },
      messages: { marker: { en: 'Marker WARN found.', id: 'Penanda WARN ditemukan.' } },
    },
    check(doc, context) {
      calls['fake-warning'] = (calls['fake-warning'] ?? 0) + 1;
      for (const unit of units(doc, 'WARN')) context.report({ at: unit.position as Position, messageId: 'marker' });
    },
  });
  const fakeRounding = defineRule({
    meta: {
      id: 'fake-rounding',
      family: 'achievement',
      defaultSeverity: 'error',
      fixable: false,
      docs: { description: 'Marker word ROUND holds only thanks to rounding', descriptionId: 'ROUND hanya cocok karena pembulatan' },
      messages: { rounding: { en: 'ROUND holds only thanks to rounding.', id: 'ROUND hanya cocok karena pembulatan.' } },
    },
    check(doc, context) {
      calls['fake-rounding'] = (calls['fake-rounding'] ?? 0) + 1;
      for (const unit of units(doc, 'ROUND')) context.report({ at: unit.position as Position, messageId: 'rounding', level: 'rounding' });
    },
  });
  return { rules: [fakeError, fakeWarning, fakeRounding] as Rule[], calls };
}

export function testIo(options: TestIoOptions): { io: Io; out: () => Captured['stdout']; err: () => Captured['stderr'] } {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    cwd: options.cwd,
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
  };
  if (options.stdin !== undefined) {
    const text = options.stdin;
    io.stdin = async () => text;
  }
  return { io, out: () => stdout, err: () => stderr };
}

/** Runs the CLI in-process with the fake reader and rules unless others are given. */
export async function lkip(
  argv: string[],
  options: TestIoOptions & { rules?: Rule[]; parse?: typeof fakeParse },
): Promise<Captured> {
  const { io, out, err } = testIo(options);
  const code = await run(argv, io, { rules: options.rules ?? fakeRules().rules, parse: options.parse ?? fakeParse });
  return { code, stdout: out(), stderr: err() };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lkip-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a file under `dir`, creating its folders; returns its path. */
export function writeInto(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}
