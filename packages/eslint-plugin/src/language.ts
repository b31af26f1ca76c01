import type { File, Language, LanguageContext, OkParseResult, ParseResult } from '@eslint/core';
import { engineMessage, type Rule } from '@lkip/engine';
import { parseDraft, splitLineEndings, type LineEndings } from '@lkip/parse';
import type { LkipDocument } from '@lkip/schema';
import { buildDraftTree, VISITOR_KEYS, type DraftNode, type LkipNode } from './ast.js';
import { DEFAULT_LANGUAGE_OPTIONS, localeOf, validateLanguageOptions, type LkipLanguageOptions } from './language-options.js';
import { LkipSourceCode } from './source-code.js';

/** What `parse` hands to `createSourceCode` besides the tree. */
interface DraftParse extends OkParseResult<DraftNode> {
  model: LkipDocument;
  lf: string;
  lineEndings: LineEndings;
}

/**
 * The `lkip/draft` language: a Markdown (or converted text) draft read by lkip's reader into
 * its document model, exactly as `lkip lint` reads it.
 */
export class LkipLanguage implements Language<{ LangOptions: LkipLanguageOptions; Code: LkipSourceCode; RootNode: DraftNode; Node: LkipNode }> {
  readonly fileType = 'text';
  // lkip's positions are 1-based lines and columns, as ESLint prints them.
  readonly lineStart = 1;
  readonly columnStart = 1;
  readonly nodeTypeKey = 'type';
  readonly visitorKeys = VISITOR_KEYS;
  readonly defaultLanguageOptions = DEFAULT_LANGUAGE_OPTIONS;

  constructor(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a rule list mixes rules of every option type
    private readonly rules: readonly Rule<any>[],
  ) {}

  validateLanguageOptions(languageOptions: LkipLanguageOptions): void {
    validateLanguageOptions(languageOptions);
  }

  parse(file: File, context: LanguageContext<LkipLanguageOptions>): ParseResult<DraftNode> {
    // ESLint has already taken the byte-order mark off.
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    const options = context.languageOptions;
    const { lf, lineEndings } = splitLineEndings(text);
    let model: LkipDocument;
    try {
      model = parseDraft(lf, {
        path: file.path,
        format: /\.txt$/i.test(file.path) ? 'text' : 'markdown',
        ...(options.fiscalYear !== undefined ? { fiscalYear: options.fiscalYear } : {}),
        ...(options.profile !== undefined ? { profile: options.profile } : {}),
      });
    } catch (error) {
      // The engine's wording for a reader that threw, as `lkip lint` prints it.
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, errors: [{ message: engineMessage('parseFailed', { error: reason }, localeOf(options)), line: 1, column: 1 }] };
    }
    // The reader stopped (as opposed to finding no LKIP figures): nothing it read can be trusted.
    const stopped = model.diagnostics.find((d) => d.severity === 'error' && d.code !== 'not-an-lkip');
    if (stopped) {
      const at = stopped.position;
      return { ok: false, errors: [{ message: `the reader could not read this draft: ${stopped.message.replace(/\s+/g, ' ').trim()}`, line: at?.line ?? 1, column: at?.column ?? 1 }] };
    }
    const result: DraftParse = { ok: true, ast: buildDraftTree(text, lf, lineEndings, model), model, lf, lineEndings };
    return result;
  }

  createSourceCode(file: File, input: OkParseResult<DraftNode>, context: LanguageContext<LkipLanguageOptions>): LkipSourceCode {
    const parsed = input as DraftParse;
    return new LkipSourceCode({
      text: typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body),
      ast: parsed.ast,
      model: parsed.model,
      lf: parsed.lf,
      lineEndings: parsed.lineEndings,
      languageOptions: context.languageOptions,
      rules: this.rules,
    });
  }
}
