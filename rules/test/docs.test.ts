import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rule, RuleFamily } from '@lkip/engine';
import { rules } from '@lkip/rules';
import { describe, expect, it } from 'vitest';
import { findings } from './harness.js';

/**
 * The documentation meta-test, after typescript-eslint's: every rule has a page, the page says
 * what the rule's meta says, documents every option, and its examples are real (the Wrong one
 * gives a finding of the rule, the Right one gives none). Failure messages name the rule.
 */

const DOCS = fileURLToPath(new URL('../docs/', import.meta.url));

// `satisfies` makes the compiler fail when the engine gains or loses a family.
const FAMILIES = {
  achievement: true,
  'inverted-ratio': true,
  tally: true,
  'count-claim': true,
  'cross-reference': true,
  category: true,
  aggregate: true,
  formula: true,
  year: true,
  unit: true,
} as const satisfies Record<RuleFamily, true>;

const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule has its own options type
type AnyRule = Rule<any>;

interface Page {
  lines: string[];
  text: string;
}

function pagePath(id: string): string {
  return `${DOCS}${id}.md`;
}

function readPage(id: string): Page {
  const text = readFileSync(pagePath(id), 'utf8').replace(/\r\n/g, '\n');
  return { text, lines: text.split('\n') };
}

/** The lines under a heading, up to the next heading of the same or a higher level. */
function section(page: Page, heading: string): string[] | undefined {
  const level = /^#+/.exec(heading)?.[0].length ?? 0;
  const start = page.lines.findIndex((l) => l.trim() === heading);
  if (start < 0) return undefined;
  const body: string[] = [];
  for (const line of page.lines.slice(start + 1)) {
    const m = /^(#+)\s/.exec(line);
    if (m && m[1]!.length <= level) break;
    body.push(line);
  }
  return body;
}

/** The first ```lkip block under a heading, without its fences. */
function lkipBlock(page: Page, heading: string): string | undefined {
  const body = section(page, heading);
  if (!body) return undefined;
  const open = body.findIndex((l) => /^```lkip\s*$/.test(l.trim()));
  if (open < 0) return undefined;
  const close = body.findIndex((l, i) => i > open && l.trim() === '```');
  if (close < 0) return undefined;
  return `${body.slice(open + 1, close).join('\n')}\n`;
}

/**
 * The ```lkip previous blocks under a heading: earlier filings the example is linted against
 * (history-mismatch), as `--previous` gives them.
 */
function previousBlocks(page: Page, heading: string): string[] {
  const body = section(page, heading) ?? [];
  const blocks: string[] = [];
  for (let open = 0; open < body.length; open++) {
    if (!/^```lkip\s+previous\s*$/.test((body[open] ?? '').trim())) continue;
    const close = body.findIndex((l, i) => i > open && l.trim() === '```');
    if (close < 0) break;
    blocks.push(`${body.slice(open + 1, close).join('\n')}\n`);
    open = close;
  }
  return blocks;
}

interface ZodNode {
  _zod?: { def?: { type?: string; shape?: Record<string, unknown>; innerType?: ZodNode; in?: ZodNode } };
}

/** The keys of a rule's options object, looking through defaults, optionals and pipes. */
function optionKeys(schema: unknown): string[] {
  let node = schema as ZodNode | undefined;
  for (let depth = 0; node && depth < 10; depth++) {
    const def = node._zod?.def;
    if (!def) return [];
    if (def.type === 'object') return Object.keys(def.shape ?? {});
    node = def.innerType ?? def.in;
  }
  return [];
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\s*([\w.-]+)\s*\}/g)].map((m) => m[1]!))].sort();
}

describe('rule registry', () => {
  it('has unique kebab-case ids', () => {
    const ids = rules.map((r) => r.meta.id);
    for (const id of ids) expect(KEBAB_CASE.test(id), `rule id '${id}' is not kebab-case`).toBe(true);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates, `rule ids registered twice: ${duplicates.join(', ')}`).toEqual([]);
  });

  it("uses the engine's families", () => {
    for (const rule of rules) {
      expect(Object.hasOwn(FAMILIES, rule.meta.family), `${rule.meta.id}: family '${rule.meta.family}' is not one of the engine's families`).toBe(true);
    }
  });

  it('has no documentation page without a rule', () => {
    const ids = new Set(rules.map((r) => r.meta.id));
    const orphans = readdirSync(DOCS)
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3))
      .filter((id) => !ids.has(id));
    expect(orphans, `pages in rules/docs without a rule: ${orphans.join(', ')}`).toEqual([]);
  });
});

describe.each(rules.map((rule: AnyRule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  const where = `${id} (rules/docs/${id}.md)`;
  const hasPage = existsSync(pagePath(id));

  it('has a documentation page', () => {
    expect(hasPage, `${where}: the page is missing`).toBe(true);
  });

  describe.runIf(hasPage)('page', () => {
    // Read at collection time, which vitest does even for a suite it will skip.
    const page: Page = hasPage ? readPage(id) : { text: '', lines: [] };

    it('starts with the rule id and its description', () => {
      expect(page.lines[0], `${where}: the first line must be "# ${id}"`).toBe(`# ${id}`);
      const second = page.lines.slice(1).find((l) => l.trim() !== '');
      expect(second?.trim(), `${where}: the line after the title must be meta.docs.description`).toBe(rule.meta.docs.description);
      expect(rule.meta.docs.description.trim(), `${id}: meta.docs.description is empty`).not.toBe('');
      expect(rule.meta.docs.descriptionId.trim(), `${id}: meta.docs.descriptionId is empty`).not.toBe('');
    });

    it('has the sections of a rule page', () => {
      for (const heading of ['## Rule details', '## Options', '## Examples', '### Wrong', '### Right', '## When not to use it']) {
        expect(section(page, heading), `${where}: no "${heading}" section`).toBeDefined();
      }
    });

    it('documents every option', () => {
      const options = section(page, '## Options') ?? [];
      const keys = optionKeys(rule.meta.options);
      if (keys.length === 0) {
        const says = options.some((l) => /no options/i.test(l));
        expect(says, `${where}: "## Options" must say "This rule has no options."`).toBe(true);
      }
      for (const key of keys) {
        expect(
          options.some((l) => l.trim() === `### ${key}`),
          `${where}: option '${key}' has no "### ${key}" heading under "## Options"`,
        ).toBe(true);
      }
    });

    it('gives at least one finding on its Wrong example', () => {
      const block = lkipBlock(page, '### Wrong');
      expect(block, `${where}: "### Wrong" has no \`\`\`lkip block`).toBeDefined();
      const found = findings(id, block ?? '', {}, previousBlocks(page, '### Wrong'));
      expect(found.length, `${where}: the Wrong example gives no ${id} finding`).toBeGreaterThanOrEqual(1);
    });

    it('gives no finding on its Right example', () => {
      const block = lkipBlock(page, '### Right');
      expect(block, `${where}: "### Right" has no \`\`\`lkip block`).toBeDefined();
      const found = findings(id, block ?? '', {}, previousBlocks(page, '### Right'));
      expect(
        found.map((m) => `${m.line}:${m.column} ${m.message}`),
        `${where}: the Right example gives ${id} findings`,
      ).toEqual([]);
    });
  });

  it('has every message in English and Bahasa Indonesia with the same placeholders', () => {
    const entries = Object.entries(rule.meta.messages);
    expect(entries.length, `${id}: meta.messages is empty`).toBeGreaterThan(0);
    for (const [messageId, text] of entries) {
      expect(text.en?.trim(), `${id}: message '${messageId}' has no English text`).toBeTruthy();
      expect(text.id?.trim(), `${id}: message '${messageId}' has no Indonesian text`).toBeTruthy();
      expect(placeholders(text.id ?? ''), `${id}: message '${messageId}' has different placeholders in 'id' than in 'en'`).toEqual(placeholders(text.en ?? ''));
    }
  });
});
