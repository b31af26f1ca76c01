import { existsSync } from 'node:fs';
import { dirname, join, parse as parsePath } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of this package (where its package.json is), found upwards from this module. Paths
 * are taken from here, not relative to a module's own URL, because the built CLI is a bundle:
 * the code of src/commands/view.ts runs from a chunk in dist/, one folder up from where a path
 * relative to its source would point (see scripts/bundle.mjs).
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** Whether this code runs built (from dist/) rather than from the TypeScript sources (tests). */
export const RUNS_BUILT = fileURLToPath(import.meta.url).startsWith(join(PACKAGE_ROOT, 'dist'));

function findPackageRoot(from: string): string {
  const { root } = parsePath(from);
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dir === root) return dirname(from);
  }
}
