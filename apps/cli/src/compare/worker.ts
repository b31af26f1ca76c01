import { parentPort, workerData } from 'node:worker_threads';
import type { Locale, ResolvedConfig } from '@lkip/engine';
import type { LkipDocument } from '@lkip/schema';
import { oneLine } from '../errors.js';
import { analyseDraftFile, type AnalysedDraft } from './analyse.js';

/** A job the pool sends: one draft to read, parse, lint and digest. */
export interface DraftJob {
  kind: 'job';
  id: number;
  path: string;
  label: string;
}

/**
 * What every job of a run shares, sent once before the first job (the thread starts loading the
 * reader before the main thread has read the config).
 */
export interface WorkerSetup {
  kind: 'setup';
  config?: ResolvedConfig;
  previous?: LkipDocument[];
}

export type DraftJobResult = { id: number; ok: true; result: AnalysedDraft } | { id: number; ok: false; error: string };

/** Posted once the reader and the rules are loaded: a thread that dies before it was not killed by a draft. */
export interface WorkerReady {
  ready: true;
}

// Each worker loads the reader and the rules once and then takes drafts one at a time; messages
// that arrive while the imports run wait in the port's queue (it starts delivering when the
// listener is added). It posts back a digest, never a model: the model is garbage as soon as the
// digest is made. No top-level await: the bundle is CommonJS (scripts/bundle.mjs); an import that
// fails rejects unhandled, which ends the thread with an error the pool reports.
const port = parentPort;
if (port) {
  const { locale } = workerData as { locale: Locale };
  let setup: WorkerSetup = { kind: 'setup' };
  void Promise.all([import('@lkip/parse'), import('@lkip/rules')]).then(([{ parseDraft }, { rules }]) => {
    port.postMessage({ ready: true } satisfies WorkerReady);
    port.on('message', (message: DraftJob | WorkerSetup) => {
      if (message.kind === 'setup') {
        setup = message;
        return;
      }
      const job = message;
      const { config, previous } = setup;
      analyseDraftFile(job.path, job.label, { parse: parseDraft, rules, locale, ...(config ? { config } : {}), ...(previous ? { previous } : {}) }).then(
        (result) => port.postMessage({ id: job.id, ok: true, result } satisfies DraftJobResult),
        (error: unknown) => port.postMessage({ id: job.id, ok: false, error: oneLine(error) } satisfies DraftJobResult),
      );
    });
  });
}
