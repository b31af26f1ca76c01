import { createHash, randomBytes } from 'node:crypto';
import { chmod, chown, open, readdir, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface WriteAtomicOptions {
  /**
   * Called once half of the data is in the temp file, before the rest is written: the test of
   * a process killed mid-write (apps/cli/test/safe-write.test.ts) stops the writer here.
   */
  midWrite?: (tempPath: string) => Promise<void>;
  /**
   * Called with the path about to be replaced once the temp file is complete, just before the
   * rename; throwing leaves the original untouched and removes the temp file (`writeIfUnchanged`).
   */
  beforeRename?: (target: string) => Promise<void>;
}

/** The file changed on disk between the read its new content was computed from and the write: nothing was written. */
export class FileChangedError extends Error {
  readonly code = 'ECHANGED';
  constructor(readonly path: string) {
    super(`${path} changed on disk since it was read; nothing was written`);
    this.name = 'FileChangedError';
  }
}

/**
 * `writeFileAtomic`, but only if the file still holds what the new data was computed from:
 * `expected` is the bytes read then, or their sha256 in hex. The file is read again and compared
 * after the temp file is written and synced, right before the rename; when it differs (someone
 * appended to the draft while lkip was fixing it, or deleted it), nothing is written and
 * `FileChangedError` is thrown. A change in the moment between that last read and the rename
 * cannot be seen without locks, which editors do not take.
 *
 * Used by `lkip lint --fix`; meant for `lkip view`'s save too.
 */
export async function writeIfUnchanged(path: string, expected: Uint8Array | string, data: Uint8Array, options: Omit<WriteAtomicOptions, 'beforeRename'> = {}): Promise<void> {
  await writeFileAtomic(path, data, {
    ...options,
    beforeRename: async (target) => {
      const now = await readFile(target).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (now === undefined || !sameContent(now, expected)) throw new FileChangedError(path);
    },
  });
}

function sameContent(now: Buffer, expected: Uint8Array | string): boolean {
  if (typeof expected === 'string') return createHash('sha256').update(now).digest('hex') === expected.toLowerCase();
  return now.equals(expected);
}

/**
 * Replaces a file so that a reader (or a crash) sees either the old draft or the new one, never
 * half of each: write a sibling temp file, fsync it, give it the original's mode, rename it over
 * the original. A rename within one directory is atomic on POSIX filesystems and on NTFS.
 *
 * A process killed before the rename leaves its temp file (`.<name>.lkip-<pid>-<random>.tmp`)
 * and the original untouched; the next write to the same file removes such leftovers once the
 * process that made them is gone.
 */
export async function writeFileAtomic(path: string, data: Uint8Array, options: WriteAtomicOptions = {}): Promise<void> {
  // Follow a symlink so the link keeps pointing at the (updated) draft instead of being replaced.
  // Commands first refuse an output whose real path is one of their inputs (`refuseOutputOverInput`).
  const target = await realpath(path).catch(() => path);
  const original = await stat(target).catch(() => undefined);
  const mode = original ? original.mode & 0o7777 : 0o666;
  await removeStaleTemps(target);
  const temp = join(dirname(target), `${tempPrefix(target)}${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    try {
      if (options.midWrite) {
        const half = Math.floor(data.length / 2);
        await handle.write(data, 0, half, 0);
        await handle.sync();
        await options.midWrite(temp);
        await handle.write(data, half, data.length - half, half);
      } else {
        await handle.writeFile(data);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open() applies the umask: right for a new file (a report, a baseline), which gets the
    // user's usual permissions; an existing draft's own mode must survive exactly.
    if (original) await chmod(temp, mode);
    // Only root can give a file away; for everyone else the owner is already the same.
    if (original && process.getuid?.() === 0) await chown(temp, original.uid, original.gid).catch(() => undefined);
    await options.beforeRename?.(target);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(target));
}

function tempPrefix(target: string): string {
  return `.${basename(target)}.lkip-`;
}

// A pid may be reused long after its writer died; past a day a temp file is stale whatever its pid says.
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/** Leftovers of earlier writes to `target` whose writer is no longer running. Best effort. */
async function removeStaleTemps(target: string): Promise<void> {
  const dir = dirname(target);
  const prefix = tempPrefix(target);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const match = /^(\d+)-[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length));
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) continue;
    const old = Date.now() - info.mtimeMs > STALE_AFTER_MS;
    // Temp files of lkip versions before the pid was in the name only go once they are old.
    const dead = match ? !isRunning(Number(match[1])) : false;
    if (dead || old) await unlink(path).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Makes the rename itself durable; not supported on every platform (Windows), hence best effort.
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort only.
  }
}
