import { fetchServedDraft, serverToken, type ServedDraft } from './draft/served.ts';
import type { WorkerRequest } from './lint/protocol.ts';

/**
 * What the page starts before React mounts: the lint worker (its bundle is the largest thing the
 * page loads, and its first read of a draft the longest wait) and, under `lkip view`, the fetch
 * of the draft. Both run while the page's own code is parsed and the editor is set up.
 */
let worker: Worker | undefined;
let served: Promise<ServedDraft> | undefined;

function newWorker(): Worker {
  return new Worker(new URL('./lint.worker.ts', import.meta.url), { type: 'module', name: 'lkip-lint' });
}

export function startEarly(search: string): void {
  worker = newWorker();
  const token = serverToken(search);
  if (token !== undefined) {
    served = fetchServedDraft(token);
    // Handled when taken; a failure before that must not be reported as unhandled.
    served.catch(() => undefined);
  } else {
    // No draft on its way: the worker warms up while the reader picks a file (see lint.worker.ts).
    const request: WorkerRequest = { kind: 'warm-up', id: 0, locale: 'id' };
    worker.postMessage(request);
  }
}

/** The worker started early, once; a new one after that (a remount). */
export function takeLintWorker(): Worker {
  const w = worker ?? newWorker();
  worker = undefined;
  return w;
}

/** The draft `lkip view` serves, fetched early, once; fetched now after that. */
export function takeServedDraft(token: string): Promise<ServedDraft> {
  const pending = served ?? fetchServedDraft(token);
  served = undefined;
  return pending;
}
