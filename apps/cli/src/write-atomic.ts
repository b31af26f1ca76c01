import { randomBytes } from 'node:crypto';
import { chmod, chown, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file so that a reader (or a crash) sees either the old draft or the new one, never
 * half of each: write a sibling temp file, fsync it, give it the original's mode, rename it over
 * the original. A rename within one directory is atomic on POSIX filesystems and on NTFS.
 */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  // Follow a symlink so the link keeps pointing at the (updated) draft instead of being replaced.
  const target = await realpath(path).catch(() => path);
  const original = await stat(target).catch(() => undefined);
  const mode = original ? original.mode & 0o7777 : 0o666;
  const temp = join(dirname(target), `.${basename(target)}.lkip-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open() applies the umask; the draft's own mode must survive exactly.
    await chmod(temp, mode);
    // Only root can give a file away; for everyone else the owner is already the same.
    if (original && process.getuid?.() === 0) await chown(temp, original.uid, original.gid).catch(() => undefined);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(target));
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
