import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The campaign script itself (scripts/fuzz.mjs, `pnpm fuzz`), run for a few cases: --from, and
 * the rerun that tells a case slowed down by a loaded machine from a slow case. LKIP_FUZZ_STALL
 * holds chosen cases in the campaign (never in the rerun), as a loaded machine would.
 */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SCRIPT = `${ROOT}scripts/fuzz.mjs`;
const DIST = ['packages/schema', 'packages/parse', 'packages/engine', 'rules'].map((p) => `${ROOT}${p}/dist/index.js`);
const built = DIST.every((p) => existsSync(p));
if (!built) console.warn('Skipping the test of scripts/fuzz.mjs: it runs the built packages; run `pnpm build` first.');

interface Rerun {
  n: number;
  suspected: 'hang' | 'slow';
  firstMs: number;
  againMs: number | null;
  confirmed: 'hang' | 'slow' | null;
}
interface Summary {
  cases: number;
  from: number;
  crashes: number;
  hangs: number;
  slowCases: number;
  suspectedHangs: number;
  suspectedSlow: number;
  reruns: Rerun[];
}

function fuzz(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [SCRIPT, '--seed', '5', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  return { status: r.status, stderr: r.stderr, summary: (last.startsWith('{') ? JSON.parse(last) : undefined) as Summary | undefined };
}

// Cases 20–25 of a campaign: 20–23 are generated drafts (a few KB, tens of milliseconds each), 24 a hostile one.
describe.skipIf(!built)('scripts/fuzz.mjs', () => {
  it('runs the cases from --from to --cases of the same seed', () => {
    const r = fuzz(['--cases', '26', '--from', '20', '--workers', '2']);
    expect(r.summary).toMatchObject({ cases: 6, from: 20, crashes: 0, hangs: 0, slowCases: 0 });
    expect(r.status).toBe(0);
    const bad = fuzz(['--cases', '10', '--from', '20']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual(['usage: node scripts/fuzz.mjs [--cases N] [--from N] [--workers N] [--seed N] [--hang-ms N] [--slow-ms N] (--from 20 is not a case number from 0 to --cases (10))']);
  }, 120_000);

  it('runs a suspected hang or slow case once more alone, and counts it only when it is over the bound again', () => {
    const r = fuzz(['--cases', '24', '--from', '20', '--workers', '2', '--slow-ms', '2000', '--hang-ms', '4000'], { LKIP_FUZZ_STALL: '21:2500,22:6000' });
    expect(r.summary).toMatchObject({ cases: 4, crashes: 0, hangs: 0, slowCases: 0, suspectedHangs: 1, suspectedSlow: 1 });
    const [slow, hang] = r.summary?.reruns ?? [];
    expect(slow).toMatchObject({ n: 21, suspected: 'slow', confirmed: null });
    expect(slow?.firstMs).toBeGreaterThan(2000);
    expect(slow?.againMs).toBeLessThan(2000);
    expect(hang).toMatchObject({ n: 22, suspected: 'hang', confirmed: null });
    expect(hang?.firstMs).toBeGreaterThan(4000);
    expect(hang?.againMs).toBeLessThan(4000);
    expect(r.status).toBe(0);
  }, 120_000);

  it('lists a case over --slow-ms both times, with both times, without failing the campaign', () => {
    // Every case takes more than 0 ms, in the campaign and again alone.
    const r = fuzz(['--cases', '22', '--from', '20', '--workers', '1', '--slow-ms', '0']);
    expect(r.summary).toMatchObject({ cases: 2, slowCases: 2, suspectedSlow: 2, hangs: 0 });
    for (const rerun of r.summary?.reruns ?? []) {
      expect(rerun.confirmed).toBe('slow');
      expect(rerun.firstMs).toBeGreaterThan(0);
      expect(rerun.againMs).toBeGreaterThan(0);
    }
    expect(r.status).toBe(0);
  }, 120_000);

  it('fails the campaign on a case over --hang-ms both times', () => {
    // Every case takes more than 0 ms: the watchdog ends each one, in the campaign and again alone.
    const r = fuzz(['--cases', '21', '--from', '20', '--workers', '1', '--hang-ms', '0']);
    expect(r.summary).toMatchObject({ cases: 1, hangs: 1, suspectedHangs: 1 });
    expect(r.summary?.reruns?.[0]?.confirmed).toBe('hang');
    expect(r.status).toBe(1);
  }, 120_000);
});
