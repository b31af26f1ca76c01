import type { FileProblem } from '@eslint/core';
import { TextSourceCodeBase, VisitNodeStep, type Directive as EslintDirective } from '@eslint/plugin-kit';
import { applyDirectives, lintDocument, type LintMessage, type ResolvedConfig, type Rule } from '@lkip/engine';
import { editsToLineEndings, type LineEndings } from '@lkip/parse';
import type { LkipDocument } from '@lkip/schema';
import type { DirectiveNode, DraftNode, LkipNode } from './ast.js';
import { configFor, localeOf, type LkipLanguageOptions } from './language-options.js';

/** Where the findings about `lkip-disable` comments go: they belong to no lkip rule. */
export const UNUSED_DIRECTIVE = Symbol('unused lkip-disable comments');

export interface LkipSourceCodeInit {
  text: string;
  ast: DraftNode;
  model: LkipDocument;
  lf: string;
  lineEndings: LineEndings;
  languageOptions: LkipLanguageOptions;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a rule list mixes rules of every option type
  rules: readonly Rule<any>[];
}

/**
 * A draft as ESLint's rules see it.
 *
 * lkip's engine runs its rules over one document together and then applies the draft's
 * `lkip-disable` comments, reporting those that silenced nothing; ESLint runs each rule on its
 * own. The two meet here: every lkip rule ESLint turned on registers itself (with its options)
 * when ESLint creates it, ESLint creates every rule before it walks the tree, and the first
 * rule to visit the root runs the engine once over exactly the rules that registered. Each rule
 * then reports its own findings, so `eslint` and `lkip lint` give the same findings, positions,
 * fixes and suggestions, and a disable comment is "unused" under the same rule set in both.
 */
export class LkipSourceCode extends TextSourceCodeBase<{
  LangOptions: LkipLanguageOptions;
  RootNode: DraftNode;
  SyntaxElementWithLoc: LkipNode;
  ConfigNode: DirectiveNode;
}> {
  override ast: DraftNode;
  /** The document model lkip's rules read (what `lkip extract` prints). */
  readonly model: LkipDocument;
  readonly #lf: string;
  readonly #lineEndings: LineEndings;
  readonly #options: LkipLanguageOptions;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see LkipSourceCodeInit
  readonly #rules: readonly Rule<any>[];
  readonly #requested = new Map<string, unknown>();
  readonly #parents = new WeakMap<LkipNode, LkipNode>();
  #reportUnusedDirectives = false;
  /** ESLint asks for disable directives only when inline config is allowed (no `noInlineConfig`). */
  #directivesAllowed = false;
  #findings: Map<string | typeof UNUSED_DIRECTIVE, LintMessage[]> | undefined;
  #steps: VisitNodeStep[] | undefined;

  constructor(init: LkipSourceCodeInit) {
    super({ text: init.text, ast: init.ast });
    this.ast = init.ast;
    this.model = init.model;
    this.#lf = init.lf;
    this.#lineEndings = init.lineEndings;
    this.#options = init.languageOptions;
    this.#rules = init.rules;
  }

  /** Not an LKIP draft (a README beside the drafts): the rules have nothing to say about it. */
  get isDraft(): boolean {
    return !this.model.diagnostics.some((d) => d.severity === 'error' && d.code === 'not-an-lkip');
  }

  getInlineConfigNodes(): DirectiveNode[] {
    return this.ast.children;
  }

  /**
   * lkip applies its own comments (ESLint's directives cannot skip the blank line a draft puts
   * between a comment and its table row); ESLint gets none, only the comments that name no
   * known rule, as errors without a rule, which is how `lkip lint` reports them too.
   */
  getDisableDirectives(): { directives: EslintDirective[]; problems: FileProblem[] } {
    this.#directivesAllowed = true;
    const problems = applyDirectives([], this.model.directives, {
      knownRuleIds: new Set(this.#rules.map((r) => r.meta.id)),
      text: this.#lf,
      locale: localeOf(this.#options),
      reportUnused: 'off',
    }).map((m) => ({ ruleId: null, message: m.message, loc: { start: { line: m.line, column: m.column }, end: { line: m.endLine, column: m.endColumn } } }));
    return { directives: [], problems };
  }

  override getParent(node: LkipNode): LkipNode | undefined {
    return this.#parents.get(node);
  }

  override traverse(): Iterable<VisitNodeStep> {
    if (this.#steps) return this.#steps;
    const steps: VisitNodeStep[] = [new VisitNodeStep({ target: this.ast, phase: 1, args: [this.ast] })];
    for (const child of this.ast.children) {
      this.#parents.set(child, this.ast);
      steps.push(new VisitNodeStep({ target: child, phase: 1, args: [child, this.ast] }));
      steps.push(new VisitNodeStep({ target: child, phase: 2, args: [child, this.ast] }));
    }
    steps.push(new VisitNodeStep({ target: this.ast, phase: 2, args: [this.ast] }));
    this.#steps = steps;
    return steps;
  }

  /** Called by an lkip rule's `create`: this rule is on for this file, with these options. */
  requestRule(ruleId: string, options: unknown): void {
    if (this.#findings) throw new Error(`lkip rule ${ruleId} registered after the draft was linted`);
    this.#requested.set(ruleId, options);
  }

  /** Called by `lkip/unused-directive`'s `create`. */
  requestUnusedDirectives(): void {
    this.#reportUnusedDirectives = true;
  }

  /** The findings of one lkip rule (or of the disable comments) on this draft. */
  findingsOf(key: string | typeof UNUSED_DIRECTIVE): LintMessage[] {
    this.#findings ??= this.#lint();
    return this.#findings.get(key) ?? [];
  }

  #lint(): Map<string | typeof UNUSED_DIRECTIVE, LintMessage[]> {
    const byRule = new Map<string | typeof UNUSED_DIRECTIVE, LintMessage[]>();
    // `lkip lint` refuses such a file; a linter walking a folder just has nothing to say about it.
    if (!this.isDraft) return byRule;
    const rules: ResolvedConfig['rules'] = {};
    for (const { meta } of this.#rules) {
      const requested = this.#requested.has(meta.id);
      const options = this.#requested.get(meta.id);
      rules[meta.id] = !requested ? 'off' : options === undefined ? 'error' : ['error', options];
    }
    const config = configFor(this.#options, rules, this.#reportUnusedDirectives ? 'warn' : 'off');
    const doc = this.#directivesAllowed ? this.model : { ...this.model, directives: [] };
    const messages = editsToLineEndings(lintDocument(doc, { rules: this.#rules, config, locale: localeOf(this.#options), text: this.#lf }), this.#lf, this.#lineEndings);
    for (const message of messages) {
      // Info-level notes (an excerpt's missing checks, rounding) have no ESLint severity to go to.
      if (message.severity === 0) continue;
      let key: string | typeof UNUSED_DIRECTIVE;
      if (message.ruleId !== null) key = message.ruleId;
      else if (message.messageId === 'unusedDisableDirective' || message.messageId === 'unusedEnableDirective') key = UNUSED_DIRECTIVE;
      // Comments naming unknown rules went to ESLint through getDisableDirectives.
      else continue;
      const list = byRule.get(key) ?? [];
      list.push(message);
      byRule.set(key, list);
    }
    return byRule;
  }
}
