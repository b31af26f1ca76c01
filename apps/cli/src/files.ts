import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { CliError, describeFsError } from './errors.js';

/** Extensions a directory or a glob contributes; a file named on the command line is always read. */
export const DRAFT_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.txt']);
/** What `lkip lint` reads: text drafts, Word documents and PDFs (converted, see read-input.ts). */
export const LINT_EXTENSIONS: ReadonlySet<string> = new Set([...DRAFT_EXTENSIONS, '.docx', '.pdf']);
/** Never descended into: dependencies, build output, version control. */
export const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', '.git']);

export function isDraftPath(path: string, extensions: ReadonlySet<string> = DRAFT_EXTENSIONS): boolean {
  return extensions.has(extname(path).toLowerCase());
}

export function isDocxPath(path: string): boolean {
  return extname(path).toLowerCase() === '.docx';
}

export function isPdfPath(path: string): boolean {
  return extname(path).toLowerCase() === '.pdf';
}

/** A JSON model (`lkip extract --format json`), read by json-input.ts, which loads ajv: only when one is given. */
export function isJsonPath(path: string): boolean {
  return extname(path).toLowerCase() === '.json';
}

/** A table of figures from another system (spreadsheet-input.ts, loaded only for such a file). */
export function isSpreadsheetPath(path: string): boolean {
  const extension = extname(path).toLowerCase();
  return extension === '.csv' || extension === '.xlsx';
}

/** A draft read through a Markdown form made from it (Word, PDF), never written back. */
export function isConvertedPath(path: string): boolean {
  return isDocxPath(path) || isPdfPath(path);
}

export interface FoundFile {
  path: string;
  /**
   * Named on the command line itself, not found by walking a directory or expanding a glob.
   * A file the user named must be a draft; one that a walk found may be a README beside them.
   */
  explicit: boolean;
  /** Found by a walk but not readable (a folder lkip may not list): named on one line, exit 2. */
  problem?: string;
  /** Found by a walk and left out on purpose (a link to a folder): named on one line, exit code unchanged. */
  note?: string;
}

/**
 * Expands files, directories and globs to absolute paths, in command-line order without
 * duplicates. A pattern that yields nothing is a usage error, as in ESLint.
 */
export async function expandPatterns(patterns: string[], cwd: string, extensions: ReadonlySet<string> = DRAFT_EXTENSIONS): Promise<string[]> {
  return (await expandDraftPatterns(patterns, cwd, extensions)).filter((f) => f.problem === undefined && f.note === undefined).map((f) => f.path);
}

/** `expandPatterns`, telling files the user named apart from files a walk or a glob found. */
export async function expandDraftPatterns(patterns: string[], cwd: string, extensions: ReadonlySet<string> = DRAFT_EXTENSIONS): Promise<FoundFile[]> {
  const seen = new Set<string>();
  const files: FoundFile[] = [];
  for (const pattern of patterns) {
    const found = await expandPattern(pattern, cwd, extensions);
    if (found.length === 0) throw new CliError(`No files matching '${pattern}' were found.`);
    for (const file of found) {
      if (!seen.has(file.path)) {
        seen.add(file.path);
        files.push(file);
      }
    }
  }
  return files;
}

async function expandPattern(pattern: string, cwd: string, extensions: ReadonlySet<string>): Promise<FoundFile[]> {
  const absolute = resolve(cwd, pattern);
  // A real path wins over glob syntax: "LKIP (final).md" and "[draft].md" are file names.
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw new CliError(`${pattern}: ${describeFsError(error)}`);
  });
  if (info?.isFile()) return [{ path: absolute, explicit: true }];
  if (info?.isDirectory()) return walk(absolute, extensions);
  if (info) return [];
  // Loaded for a pattern that names no file: drafts named by their paths (the usual case, and a
  // cached re-lint) never compile the glob matcher.
  const { glob, isDynamicPattern } = await import('tinyglobby');
  if (!isDynamicPattern(pattern)) return [];
  const matches = await glob(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    dot: false,
    ignore: [...SKIPPED_DIRECTORIES].map((d) => `**/${d}/**`),
  });
  return matches
    .filter((p) => isDraftPath(p, extensions))
    .map((p) => resolve(p))
    .sort()
    .map((path) => ({ path, explicit: false }));
}

async function walk(dir: string, extensions: ReadonlySet<string>, top = true): Promise<FoundFile[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    // The folder named on the command line must be readable; one unreadable folder inside it is
    // named on its own line (exit 2) and the walk goes on with the others.
    if (top) throw new CliError(`${dir}: cannot read directory: ${describeFsError(error)}`);
    return [{ path: dir, explicit: false, problem: `cannot read directory: ${describeFsError(error)}` }];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: FoundFile[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) files.push(...(await walk(path, extensions, false)));
    } else if (entry.isSymbolicLink() && isDraftPath(entry.name, extensions)) {
      // A link to a draft is read as the draft (and --fix writes through it); a link to a folder
      // is not followed, so a walk never loops.
      const target = await stat(path).catch(() => undefined);
      if (target?.isFile()) files.push({ path, explicit: false });
      else files.push({ path, explicit: false, note: target ? 'a symbolic link to a folder, not followed' : 'a broken symbolic link' });
    } else if (entry.isFile() && isDraftPath(entry.name, extensions) && !entry.name.startsWith('~$')) {
      // "~$draft.docx" is the owner file Word keeps beside a document while it is open.
      files.push({ path, explicit: false });
    }
  }
  return files;
}
