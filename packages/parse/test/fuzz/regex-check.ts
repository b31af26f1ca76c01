import { Worker } from 'node:worker_threads';
import type { SourceRegex } from './regexes.js';

export interface RegexTiming {
  regex: SourceRegex;
  /** The slowest input, described ("\" \" x n + NUL, n = 50000"). */
  input: string;
  ms: number;
  /** Grew faster than linearly, or had to be stopped. */
  superlinear: boolean;
  /** Still running after `stopAfterMs` on one input: stopped from outside. */
  stopped: boolean;
}

const WORKER = new URL('./regex-worker.mjs', import.meta.url);

/**
 * Times every regex on its worst inputs on `workers` threads. A thread stuck on one input for
 * `stopAfterMs` is terminated (the only way to stop a backtracking regex) and a new one takes
 * the rest of its queue.
 */
export async function timeRegexes(regexes: readonly SourceRegex[], options: { workers: number; stopAfterMs: number }): Promise<RegexTiming[]> {
  const results: RegexTiming[] = [];
  const queues = Array.from({ length: options.workers }, (_, k) => regexes.map((regex, id) => ({ id, regex })).filter((_, i) => i % options.workers === k));
  const run = (queue: { id: number; regex: SourceRegex }[]): Promise<void> =>
    new Promise((resolve, reject) => {
      if (queue.length === 0) {
        resolve();
        return;
      }
      const worker = new Worker(WORKER, { workerData: { regexes: queue.map(({ id, regex }) => ({ id, source: regex.source, flags: regex.flags })) } });
      const done = new Set<number>();
      let current: { id: number; input: string } | undefined;
      let since = performance.now();
      const watchdog = setInterval(() => {
        if (!current || performance.now() - since < options.stopAfterMs) return;
        clearInterval(watchdog);
        const stuck = current;
        const entry = queue.find((q) => q.id === stuck.id);
        if (entry) results.push({ regex: entry.regex, input: stuck.input, ms: performance.now() - since, superlinear: true, stopped: true });
        done.add(stuck.id);
        void worker.terminate().then(() => resolve(run(queue.filter((q) => !done.has(q.id)))));
      }, 50);
      worker.on('message', (m: { type: string; id: number; input: string; ms: number; superlinear: boolean }) => {
        if (m.type === 'start') {
          current = { id: m.id, input: m.input };
          since = performance.now();
        } else if (m.type === 'result') {
          done.add(m.id);
          const entry = queue.find((q) => q.id === m.id);
          if (entry) results.push({ regex: entry.regex, input: m.input, ms: m.ms, superlinear: m.superlinear, stopped: false });
        } else if (m.type === 'done') {
          clearInterval(watchdog);
          void worker.terminate();
          resolve();
        }
      });
      worker.on('error', (error) => {
        clearInterval(watchdog);
        reject(error);
      });
    });
  await Promise.all(queues.map(run));
  return results;
}
