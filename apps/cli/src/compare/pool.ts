import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Locale } from '@lkip/engine';
import { CliError, oneLine } from '../errors.js';
import type { Io } from '../io.js';
import { analyseDraftFile, type AnalysedDraft, type DraftTools } from './analyse.js';
import type { DraftJob, DraftJobResult, WorkerSetup } from './worker.js';

export interface DraftToAnalyse {
  path: string;
  label: string;
}

/** `[3/38] fixtures/…/draft.md` on a terminal only; nothing when stderr is piped or a file. */
export class CompareProgress {
  private readonly enabled: boolean;
  private done = 0;
  constructor(
    private readonly io: Io,
    private readonly total: number,
  ) {
    this.enabled = Boolean(io.stderrIsTTY) && total >= 3;
  }

  step(label: string): void {
    this.done++;
    if (this.enabled) this.io.stderr(`\r\x1b[K[${this.done}/${this.total}] ${label}`);
  }

  finish(): void {
    if (this.enabled) this.io.stderr('\r\x1b[K');
  }
}

// Compiled next to this module in dist/; absent when running from the TypeScript sources (tests).
const WORKER_URL = new URL('./worker.js', import.meta.url);

export function workerScriptAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

/**
 * How many worker threads to use: one per core the process may use, never more than there are
 * drafts, at most 8. The cores are `os.availableParallelism()`, capped by the container's CPU
 * quota when it has one: a container limited to two CPUs on a 16-core host sees 16, and 16
 * threads on two CPUs each load and warm up the reader and hold a heap of their own, for nothing.
 * `LKIP_COMPARE_WORKERS` overrides it; 0 means in-process.
 */
export function workerCount(files: number, env: Record<string, string | undefined> = {}, cores: number = usableCores()): number {
  const forced = env.LKIP_COMPARE_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced.trim())) return Math.min(Number(forced), files);
  // Two drafts or fewer: starting threads (each loads the reader) costs more than it saves.
  if (files <= 2) return 0;
  return Math.max(1, Math.min(cores, files, 8));
}

/** The CPUs this process may use: the affinity mask, and the cgroup CPU quota (v2, else v1) when set. */
export function usableCores(): number {
  const visible = availableParallelism();
  const quota = cgroupCpuQuota();
  return quota === undefined ? visible : Math.max(1, Math.min(visible, Math.ceil(quota)));
}

function cgroupCpuQuota(): number | undefined {
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8').trim();
    } catch {
      return undefined;
    }
  };
  // cgroup v2: "max 100000" (no limit) or "200000 100000" (two CPUs).
  const v2 = read('/sys/fs/cgroup/cpu.max')?.split(/\s+/);
  if (v2 && v2[0] !== 'max' && Number(v2[0]) > 0 && Number(v2[1]) > 0) return Number(v2[0]) / Number(v2[1]);
  const quota = Number(read('/sys/fs/cgroup/cpu/cpu.cfs_quota_us'));
  const period = Number(read('/sys/fs/cgroup/cpu/cpu.cfs_period_us'));
  if (quota > 0 && period > 0) return quota / period;
  return undefined;
}

/**
 * Parses, lints and digests drafts on `count` worker threads, handing each thread the next draft
 * as soon as it posts the last one back: at most one draft per thread is in flight, and what
 * comes back is a digest, so memory grows by a digest per draft however many there are.
 * Results keep the order of `drafts`. A draft that cannot be read comes back skipped; only a
 * thread that fails ends the run.
 */
export class DraftPool {
  private readonly workers: Worker[];

  constructor(count: number, locale: Locale) {
    this.workers = Array.from({ length: count }, () => new Worker(WORKER_URL, { workerData: { locale } }));
  }

  async analyse(drafts: readonly DraftToAnalyse[], progress: CompareProgress, setup: Omit<WorkerSetup, 'kind'> = {}): Promise<AnalysedDraft[]> {
    for (const worker of this.workers) worker.postMessage({ kind: 'setup', ...setup } satisfies WorkerSetup);
    const results: (AnalysedDraft | undefined)[] = new Array(drafts.length);
    let next = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        let pending = drafts.length;
        if (pending === 0) resolve();
        const feed = (worker: Worker) => {
          if (next >= drafts.length) return;
          const id = next++;
          const draft = drafts[id] as DraftToAnalyse;
          worker.postMessage({ kind: 'job', id, path: draft.path, label: draft.label } satisfies DraftJob);
        };
        for (const worker of this.workers) {
          worker.on('message', (message: DraftJobResult) => {
            const label = (drafts[message.id] as DraftToAnalyse).label;
            // A draft the reader or a rule chokes on is left out of the comparison, not the end of it.
            results[message.id] = message.ok ? message.result : { file: label, skipped: message.error.startsWith(`${label}: `) ? message.error.slice(label.length + 2) : message.error };
            progress.step(label);
            if (--pending === 0) resolve();
            else feed(worker);
          });
          worker.on('error', (error) => reject(new CliError(`worker thread failed: ${oneLine(error)}`)));
          worker.on('exit', (code) => {
            if (pending > 0) reject(new CliError(`worker thread stopped (exit code ${code}) before finishing`));
          });
          feed(worker);
        }
      });
    } finally {
      await this.close();
    }
    return results as AnalysedDraft[];
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

export async function analyseInProcess(drafts: readonly DraftToAnalyse[], tools: DraftTools, progress: CompareProgress): Promise<AnalysedDraft[]> {
  const results: AnalysedDraft[] = [];
  for (const draft of drafts) {
    try {
      results.push(await analyseDraftFile(draft.path, draft.label, tools));
    } catch (error) {
      results.push({ file: draft.label, skipped: oneLine(error) });
    }
    progress.step(draft.label);
  }
  return results;
}
