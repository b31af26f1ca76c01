import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { FileChangedError, writeFileAtomic, writeIfUnchanged } from '../write-atomic.js';

/**
 * What the viewer was given, named by its content: a SHA-256 of the file's bytes. A hash and not
 * mtime + size, because a `git checkout` can restore an older file with a newer mtime and an
 * editor can rewrite a file to the same size within the same second; and a `touch` that changes
 * nothing must not turn a save into a conflict.
 */
export function versionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The file as it is now: its bytes and version, or undefined when it is gone. */
export async function currentVersion(path: string): Promise<{ bytes: Buffer; version: string } | undefined> {
  try {
    const bytes = await readFile(path);
    return { bytes, version: versionOf(bytes) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export type ConditionalSave = { saved: true; version: string } | { saved: false; current: { bytes: Buffer; version: string } | undefined };

/**
 * Writes `data` over `path` only if the file is still the version the page was given (`expected`;
 * null: the file must not exist, it was deleted and is written again); otherwise writes nothing
 * and returns what is there now. Checked first (no temp file for a save that is already stale),
 * then again by `writeIfUnchanged` after the new file is on disk, just before the rename, so
 * someone else's change made at any time before that is never overwritten.
 */
export async function saveIfUnchanged(path: string, expected: string | null, data: Uint8Array): Promise<ConditionalSave> {
  const current = await currentVersion(path);
  if ((current?.version ?? null) !== expected) return { saved: false, current };
  try {
    if (expected === null) await writeFileAtomic(path, data);
    else await writeIfUnchanged(path, expected, data);
  } catch (error) {
    if (error instanceof FileChangedError) return { saved: false, current: await currentVersion(path) };
    throw error;
  }
  return { saved: true, version: versionOf(data) };
}
