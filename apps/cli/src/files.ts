import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CliError, describeFsError } from './errors.js';

/** Extensions a directory or a glob contributes; a file named on the command line is always read. */
export const DRAFT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
/** Never descended into: dependencies, build output, version control. */
export const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', '.git']);

export function isDraftPath(path: string): boolean {
  return DRAFT_EXTENSIONS.has(extname(path).toLowerCase());
}

/**
 * Expands files, directories and globs to absolute paths, in command-line order without
 * duplicates. A pattern that yields nothing is a usage error, as in ESLint.
 */
export async function expandPatterns(patterns: string[], cwd: string): Promise<string[]> {
  const seen = new Set<string>();
  const files: string[] = [];
  for (const pattern of patterns) {
    const found = await expandPattern(pattern, cwd);
    if (found.length === 0) throw new CliError(`No files matching '${pattern}' were found.`);
    for (const file of found) {
      if (!seen.has(file)) {
        seen.add(file);
        files.push(file);
      }
    }
  }
  return files;
}

async function expandPattern(pattern: string, cwd: string): Promise<string[]> {
  const absolute = resolve(cwd, pattern);
  // A real path wins over glob syntax: "LKIP (final).md" and "[draft].md" are file names.
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw new CliError(`${pattern}: ${describeFsError(error)}`);
  });
  if (info?.isFile()) return [absolute];
  if (info?.isDirectory()) return walk(absolute);
  if (info) return [];
  if (!isDynamicPattern(pattern)) return [];
  const matches = await glob(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    dot: false,
    ignore: [...SKIPPED_DIRECTORIES].map((d) => `**/${d}/**`),
  });
  return matches.filter(isDraftPath).map((p) => resolve(p)).sort();
}

async function walk(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new CliError(`${dir}: cannot read directory: ${describeFsError(error)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) files.push(...(await walk(path)));
    } else if (entry.isFile() && isDraftPath(entry.name)) {
      files.push(path);
    }
  }
  return files;
}
