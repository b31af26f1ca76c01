import type { Rule } from '@lkip/engine';
import type { ParseOptions } from '@lkip/parse';
import type { LkipDocument } from '@lkip/schema';
import type { Io } from '../io.js';

export type ParseDraft = (text: string, options: ParseOptions) => LkipDocument;

/** What every command works with; `run` builds it, tests may swap the rules or the parser. */
export interface CommandContext {
  io: Io;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a rule list mixes rules of every option type
  rules: readonly Rule<any>[];
  parse: ParseDraft;
  toolVersion: string;
  /** The rules and the reader are the ones lkip ships (not a test's): the cache may then be read without them. */
  shipped?: boolean;
}
