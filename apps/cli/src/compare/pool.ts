import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Locale } from '@lkip/engine';
import { CliError, oneLine } from '../errors.js';
import type { Io } from '../io.js';
import { PACKAGE_ROOT, RUNS_BUILT } from '../package-root.js';
import { analyseDraftFile, type AnalysedDraft, type DraftTools } from './analyse.js';
import type { DraftJob, DraftJobResult, WorkerReady, WorkerSetup } from './worker.js';

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

// Built as its own entry of the bundle (dist/compare/worker.js); from the TypeScript sources
// (tests) there is no built worker to run, so the drafts are read on the main thread.
const WORKER_URL = pathToFileURL(join(PACKAGE_ROOT, 'dist', 'compare', 'worker.js'));

export function workerScriptAvailable(): boolean {
  return RUNS_BUILT && existsSync(fileURLToPath(WORKER_URL));
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
 * The old-generation heap a compare worker may use, in MB: a fixed cap (the README states it).
 * A 5 MB draft (the largest text draft lkip reads; the NTT fixture repeated) went through with a
 * cap of 384 MB and not with 256; the rest is room for Word packages, whose converter holds
 * several times their XML. A thread past the cap is ended by V8 alone and only its draft is lost,
 * where an unlimited thread running out of memory takes the whole process down with a native
 * stack trace.
 */
export const WORKER_HEAP_MB = 2048;

/** `LKIP_COMPARE_WORKER_MB=n` sets the cap (the tests make it tiny); anything else gives WORKER_HEAP_MB. */
export function workerHeapMb(env: Record<string, string | undefined> = {}): number {
  const forced = env.LKIP_COMPARE_WORKER_MB?.trim();
  return forced !== undefined && /^[1-9]\d*$/.test(forced) ? Number(forced) : WORKER_HEAP_MB;
}

/** Why a draft whose thread ran out of memory is left out: one line, naming the cap and how to raise it. */
export function outOfMemoryReason(heapMb: number): string {
  return `needs more memory than a compare worker may use (${heapMb} MB); raise it with LKIP_COMPARE_WORKER_MB=N, or lint the draft alone`;
}

/**
 * Parses, lints and digests drafts on `count` worker threads, handing each thread the next draft
 * as soon as it posts the last one back: at most one draft per thread is in flight, and what
 * comes back is a digest, so memory grows by a digest per draft however many there are.
 * Results keep the order of `drafts`. A draft that cannot be read comes back skipped; so does a
 * draft whose thread ran out of memory (the thread is replaced and the run goes on). Any other
 * failure of a thread ends the run.
 */
export class DraftPool {
  private readonly workers = new Set<Worker>();

  constructor(
    count: number,
    private readonly locale: Locale,
    private readonly heapMb: number = WORKER_HEAP_MB,
  ) {
    // Started now, so that the threads load the reader while the main thread reads the config.
    for (let i = 0; i < count; i++) this.spawn();
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL, { workerData: { locale: this.locale }, resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    this.workers.add(worker);
    return worker;
  }

  async analyse(drafts: readonly DraftToAnalyse[], progress: CompareProgress, setup: Omit<WorkerSetup, 'kind'> = {}): Promise<AnalysedDraft[]> {
    const setupMessage = { kind: 'setup', ...setup } satisfies WorkerSetup;
    const results: (AnalysedDraft | undefined)[] = new Array(drafts.length);
    let next = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        let pending = drafts.length;
        if (pending === 0) resolve();
        const finished = (id: number, result: AnalysedDraft, worker: Worker | undefined) => {
          results[id] = result;
          progress.step((drafts[id] as DraftToAnalyse).label);
          if (--pending === 0) resolve();
          else if (worker) feed(worker);
        };
        const feed = (worker: Worker) => {
          if (next >= drafts.length) return;
          const id = next++;
          const draft = drafts[id] as DraftToAnalyse;
          inFlight.set(worker, id);
          worker.postMessage({ kind: 'job', id, path: draft.path, label: draft.label } satisfies DraftJob);
        };
        /** The draft each thread is working on, to name it when the thread dies. */
        const inFlight = new Map<Worker, number>();
        const attach = (worker: Worker) => {
          worker.postMessage(setupMessage);
          let outOfMemory = false;
          let ready = false;
          worker.on('message', (message: DraftJobResult | WorkerReady) => {
            if ('ready' in message) {
              ready = true;
              return;
            }
            inFlight.delete(worker);
            const label = (drafts[message.id] as DraftToAnalyse).label;
            // A draft the reader or a rule chokes on is left out of the comparison, not the end of it.
            finished(message.id, message.ok ? message.result : { file: label, skipped: message.error.startsWith(`${label}: `) ? message.error.slice(label.length + 2) : message.error }, worker);
          });
          worker.on('error', (error: NodeJS.ErrnoException) => {
            const id = inFlight.get(worker);
            // V8 ended the thread at its heap cap: that draft is refused, a new thread takes the rest.
            // Out of memory before the reader was loaded would happen again in every thread: that ends the run.
            if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' && !ready) {
              reject(new CliError(`a compare worker ran out of memory loading the reader (${this.heapMb} MB); raise it with LKIP_COMPARE_WORKER_MB=N`));
              return;
            }
            if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' && id !== undefined) {
              outOfMemory = true;
              inFlight.delete(worker);
              this.workers.delete(worker);
              const label = (drafts[id] as DraftToAnalyse).label;
              const replacement = next < drafts.length ? this.spawn() : undefined;
              if (replacement) attach(replacement);
              finished(id, { file: label, skipped: outOfMemoryReason(this.heapMb) }, replacement);
              return;
            }
            reject(new CliError(`worker thread failed: ${oneLine(error)}`));
          });
          worker.on('exit', (code) => {
            if (!outOfMemory && pending > 0) reject(new CliError(`worker thread stopped (exit code ${code}) before finishing`));
          });
        };
        for (const worker of this.workers) {
          attach(worker);
          feed(worker);
        }
      });
    } finally {
      await this.close();
    }
    return results as AnalysedDraft[];
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.terminate()));
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
