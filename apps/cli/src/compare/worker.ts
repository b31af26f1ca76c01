import { parentPort, workerData } from 'node:worker_threads';
import type { Locale, ResolvedConfig } from '@lkip/engine';
import { oneLine } from '../errors.js';
import { analyseDraftFile, type AnalysedDraft } from './analyse.js';

/** A job the pool sends: one draft to read, parse and lint. */
export interface DraftJob {
  id: number;
  path: string;
  label: string;
  config?: ResolvedConfig;
}

export type DraftJobResult = { id: number; ok: true; result: AnalysedDraft } | { id: number; ok: false; error: string };

// Each worker loads the reader and the rules once and then takes drafts one at a time; messages
// that arrive while the imports run wait in the port's queue.
const port = parentPort;
if (port) {
  const { locale } = workerData as { locale: Locale };
  const [{ parseDraft }, { rules }] = await Promise.all([import('@lkip/parse'), import('@lkip/rules')]);
  port.on('message', (job: DraftJob) => {
    analyseDraftFile(job.path, job.label, { parse: parseDraft, rules, locale, ...(job.config ? { config: job.config } : {}) }).then(
      (result) => port.postMessage({ id: job.id, ok: true, result } satisfies DraftJobResult),
      (error: unknown) => port.postMessage({ id: job.id, ok: false, error: oneLine(error) } satisfies DraftJobResult),
    );
  });
}
