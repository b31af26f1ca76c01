import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Locale, ResolvedConfig } from '@lkip/engine';
import { CliError, oneLine } from '../errors.js';
import type { Io } from '../io.js';
import { analyseDraftFile, type AnalysedDraft, type DraftTools } from './analyse.js';
import type { DraftJob, DraftJobResult } from './worker.js';

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
 * How many worker threads to use: one per core the process may use (`os.availableParallelism`),
 * never more than there are drafts, at most 8 (beyond that the main thread's structured-clone
 * work and memory grow faster than the gain). `LKIP_COMPARE_WORKERS` overrides it; 0 means in-process.
 */
export function workerCount(files: number, env: Record<string, string | undefined> = {}): number {
  const forced = env.LKIP_COMPARE_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced.trim())) return Math.min(Number(forced), files);
  // Two drafts or fewer: starting threads (each loads the reader) costs more than it saves.
  if (files <= 2) return 0;
  return Math.max(1, Math.min(availableParallelism(), files, 8));
}

/**
 * Parses and lints drafts on `count` worker threads, handing each thread the next draft as soon
 * as it posts the last one back. Results keep the order of `drafts`. The first bad draft ends the
 * run with its one-line error.
 */
export class DraftPool {
  private readonly workers: Worker[];

  constructor(count: number, locale: Locale) {
    this.workers = Array.from({ length: count }, () => new Worker(WORKER_URL, { workerData: { locale } }));
  }

  async analyse(drafts: readonly DraftToAnalyse[], progress: CompareProgress, config?: ResolvedConfig): Promise<AnalysedDraft[]> {
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
          worker.postMessage({ id, path: draft.path, label: draft.label, ...(config ? { config } : {}) } satisfies DraftJob);
        };
        for (const worker of this.workers) {
          worker.on('message', (message: DraftJobResult) => {
            if (!message.ok) {
              reject(new CliError(message.error));
              return;
            }
            results[message.id] = message.result;
            progress.step(message.result.file);
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
    results.push(await analyseDraftFile(draft.path, draft.label, tools));
    progress.step(draft.label);
  }
  return results;
}
