import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/write-atomic.js';
import { lkip, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const writeAtomicSource = fileURLToPath(new URL('../src/write-atomic.ts', import.meta.url));
const temps = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/**
 * A separate node process writes `size` bytes over `target` through writeFileAtomic and stops
 * half-way (the midWrite seam), telling the parent the temp file's name on stdout.
 */
function startPausedWriter(target: string, size: number) {
  const script = `
    import { writeFileAtomic } from ${JSON.stringify(writeAtomicSource)};
    const data = new Uint8Array(${size}).fill(0x42);
    await writeFileAtomic(${JSON.stringify(target)}, data, {
      midWrite: (temp) => {
        process.stdout.write('paused ' + temp + '\\n');
        return new Promise(() => setInterval(() => {}, 1000));
      },
    });
    process.stdout.write('finished\\n');
  `;
  // tsx lets the child import the TypeScript source as the tests do.
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const paused = new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /paused (.+)\n/.exec(out);
      if (m) resolve(m[1] as string);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`writer exited (${code}) before pausing: ${out}${err}`)));
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  return { child, paused, exited };
}

describe('a write killed half-way', () => {
  it('leaves the original byte-identical; the next write cleans up the leftover temp file', async () => {
    const target = join(dir, 'draft.md');
    const original = Buffer.from('# LKIP 2024\r\n\r\nCapaian 94,50 %\r\n'.repeat(1000));
    writeFileSync(target, original);
    chmodSync(target, 0o640);

    const size = 8 * 1024 * 1024;
    const writer = startPausedWriter(target, size);
    const temp = await writer.paused;
    // Half of the new content is on disk, in the temp file beside the draft, not in the draft.
    expect(temp.startsWith(join(dir, '.draft.md.lkip-'))).toBe(true);
    expect(statSync(temp).size).toBe(size / 2);
    expect(readFileSync(target).equals(original)).toBe(true);

    writer.child.kill('SIGKILL');
    expect(await writer.exited).toBe('SIGKILL');
    expect(readFileSync(target).equals(original)).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    // The dead writer's half file is still there…
    expect(temps()).toEqual([temp.slice(dir.length + 1)]);

    // …until the next write to the same draft, which also keeps the mode.
    await writeFileAtomic(target, Buffer.from('baru\r\n'));
    expect(readFileSync(target, 'utf8')).toBe('baru\r\n');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(temps()).toEqual([]);
  });

  it("keeps a running writer's temp file and removes only this draft's leftovers", async () => {
    const target = join(dir, 'draft.md');
    writeFileSync(target, 'lama\n');
    // A pid that is certainly gone: a process that has already exited.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const dead = `.draft.md.lkip-${gone}-0123456789ab.tmp`;
    const alive = `.draft.md.lkip-${process.ppid}-0123456789ab.tmp`;
    const other = `.other.md.lkip-${gone}-0123456789ab.tmp`;
    for (const name of [dead, alive, other]) writeFileSync(join(dir, name), 'half');
    await writeFileAtomic(target, Buffer.from('baru\n'));
    expect(temps().sort()).toEqual([alive, other].sort());
  });
});

describe('--fix writes drafts safely', () => {
  it('keeps CRLF line endings, the mode, a symlink and leaves no temp file', async () => {
    const real = join(dir, 'real.md');
    writeFileSync(real, 'judul\r\nnilai FIXME\r\nakhir\n');
    chmodSync(real, 0o600);
    symlinkSync(real, join(dir, 'link.md'));
    const r = await lkip(['lint', 'link.md', '--fix'], { cwd: dir });
    expect(r.code).toBe(0);
    // Each line keeps its own ending, the mixed last one included.
    expect(readFileSync(real, 'utf8')).toBe('judul\r\nnilai FIXED\r\nakhir\n');
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(temps()).toEqual([]);
  });

  it('does not write a draft whose fix would not change it', async () => {
    const path = join(dir, 'clean.md');
    writeFileSync(path, 'nilai WARN\n');
    const before = statSync(path);
    await lkip(['lint', 'clean.md', '--fix'], { cwd: dir });
    expect(statSync(path).mtimeMs).toBe(before.mtimeMs);
    expect(existsSync(path)).toBe(true);
  });
});
