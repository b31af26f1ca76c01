import { readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { buildResult, withGrouping, withGroups, type LintMessage, type LintResult } from '@lkip/engine/light';
import { LintCache, resolveCacheLocation, sha256 } from '../cache.js';
import { fastCacheKey } from '../cache-key.js';
import { useColor } from '../color.js';
import { expandDraftPatterns, LINT_EXTENSIONS } from '../files.js';
import { loadFormatter } from '../formatters/load.js';
import type { Io } from '../io.js';
import { decodeDraft, MAX_DRAFT_BYTES } from '../read-draft.js';
import type { LintFlags } from './lint.js';
import { visibleDeep } from '../visible.js';

/** Text drafts only: a Word document, a PDF or a model is read through its converter first. */
const TEXT_DRAFTS = new Set(['.md', '.markdown', '.txt']);

/**
 * `lkip lint --cache` over drafts that have not changed since the cache was written: the
 * findings come from the cache and are reported without loading the rules, the reader or the
 * config schema, so such a re-lint costs about as much as starting Node. Undefined whenever the
 * cache cannot answer for every draft, or the run asks for more than a report (fixes, stdin,
 * baselines, SARIF with its rule descriptions): the full lint then runs as usual.
 */
export async function lintFromCache(patterns: string[], flags: LintFlags, io: Io, toolVersion: string): Promise<number | undefined> {
  if (!flags.cache || flags.fix || flags.fixDryRun || flags.stdin || flags.baseline !== undefined || flags.writeBaseline !== undefined || flags.format === 'sarif') return undefined;
  // Earlier filings decide findings by their contents, which the key does not cover.
  if ((flags.previous?.length ?? 0) > 0) return undefined;
  const key = fastCacheKey(flags, io.cwd, toolVersion);
  if (key === undefined) return undefined;
  const lookup = LintCache.readFast(await resolveCacheLocation(flags.cacheLocation, io.cwd), toolVersion, key);
  if (!lookup) return undefined;
  let files;
  try {
    files = await expandDraftPatterns(patterns.length > 0 ? patterns : ['.'], io.cwd, LINT_EXTENSIONS);
  } catch {
    return undefined;
  }
  const results: LintResult[] = [];
  /** Each result as reported: grouped by the full lint that wrote the cache, unless --quiet leaves findings out. */
  const shown: LintResult[] = [];
  /** Whether no message or group of these drafts holds a control character (cache.ts). */
  let plain = true;
  for (const file of files) {
    // Unreadable folders and links left out are worded by the full run.
    if (file.problem !== undefined || file.note !== undefined) return undefined;
    if (!TEXT_DRAFTS.has(extname(file.path).toLowerCase())) return undefined;
    let bytes: Buffer;
    try {
      // Never cached past the limit; the full run refuses such a draft before reading it.
      if (statSync(file.path).size > MAX_DRAFT_BYTES) return undefined;
      bytes = readFileSync(file.path);
    } catch {
      return undefined;
    }
    const cached = lookup(file.path, sha256(bytes));
    if (!cached) return undefined;
    const { messages, grouping } = cached;
    let text: string;
    try {
      text = decodeDraft(bytes, file.path).text;
    } catch {
      return undefined;
    }
    const result = buildResult(file.path, messages, messages.length > 0 ? { source: text } : {});
    results.push(result);
    // Groups depend on the findings reported: with some left out (--quiet), they are made afresh.
    const reported = flags.quiet ? errorsOnly(result) : result;
    if (reported === result && grouping) {
      shown.push(withGrouping(result, grouping));
      plain &&= cached.plain;
    } else {
      shown.push(withGroups(reported));
      // Groups made here may quote the draft's text.
      plain = false;
    }
  }

  const format = await loadFormatter(flags.format);
  let formatted: string;
  try {
    // A human format prints draft text to a terminal: its control characters are shown, never obeyed (visible.ts).
    formatted = format(flags.format === 'json' ? shown : shown.map((r) => (plain ? visibleText(r) : visibleDeep(r))), { cwd: io.cwd, locale: flags.locale, color: useColor(flags.color, io), rulesMeta: {}, toolVersion });
  } catch {
    // A cache file damaged past what cache.ts checks (a group's place that is no place): the full run lints again.
    return undefined;
  }
  const report = formatted.length === 0 || formatted.endsWith('\n') ? formatted : `${formatted}\n`;
  if (flags.outputFile !== undefined) {
    const path = resolve(io.cwd, flags.outputFile);
    // Loaded only for a report written to a file, like the words of the warning below.
    const [{ sameFile }, { writeFileAtomic }] = await Promise.all([import('../outputs.js'), import('../write-atomic.js')]);
    // A report over one of the drafts is refused by the full run.
    for (const file of files) if (await sameFile(path, file.path)) return undefined;
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, Buffer.from(report, 'utf8'));
    } catch {
      // The full run words the error.
      return undefined;
    }
  } else if (report.length > 0) io.stdout(report);

  const errorCount = results.reduce((n, r) => n + r.errorCount, 0);
  const warningCount = results.reduce((n, r) => n + r.warningCount, 0);
  const tooManyWarnings = flags.maxWarnings >= 0 && warningCount > flags.maxWarnings;
  if (tooManyWarnings && errorCount === 0) {
    const { words } = await import('../i18n.js');
    io.stderr(`${words(flags.locale).tooManyWarnings(flags.maxWarnings)}\n`);
  }
  return errorCount > 0 || tooManyWarnings ? 1 : 0;
}

/**
 * `visibleDeep` of a result whose messages and groups hold no control character: only its path
 * and the draft's text are looked through. The findings are many small strings: looking through
 * them one by one took about 5 ms of a cached re-lint of the real draft, as much as stylish takes.
 */
function visibleText(result: LintResult): LintResult {
  const { messages, groups } = result;
  return { ...visibleDeep({ ...result, messages: [], groups: [] }), messages, groups };
}

/** ESLint's `getErrorResults`, as `lkip lint --quiet` prints. */
function errorsOnly(result: LintResult): LintResult {
  const messages: LintMessage[] = result.messages.filter((m) => m.severity === 2);
  if (messages.length === result.messages.length) return result;
  return buildResult(result.filePath, messages, result.source !== undefined && messages.length > 0 ? { source: result.source } : {});
}
