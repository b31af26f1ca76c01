import { splitLineEndings } from './draft/file.ts';
import { fetchServedDraft, serverToken, type ServedDraft } from './draft/served.ts';
import type { LintJob, WorkerRequest } from './lint/protocol.ts';
import { initialLocale } from './locale.ts';

/**
 * What the page starts before React mounts: the lint worker (its bundle is the largest thing the
 * page loads, and its first read of a draft the longest wait) and, under `lkip view`, the fetch
 * of the draft, whose first lint is posted as soon as it arrives. All of it runs while the page's
 * own code is loaded and compiled and the editor is set up.
 */
let worker: Worker | undefined;
let served: Promise<ServedDraft> | undefined;
/** The lint posted here for the served draft, before the page had a scheduler. */
let earlyLint: LintJob | undefined;

/** The id of the early lint: the first a scheduler would give (it adopts it, see LintScheduler.adopt). */
export const EARLY_LINT_ID = 1;

function newWorker(): Worker {
  return new Worker(new URL('./lint.worker.ts', import.meta.url), { type: 'module', name: 'lkip-lint' });
}

export function startEarly(search: string): void {
  worker = newWorker();
  const token = serverToken(search);
  if (token !== undefined) {
    served = fetchServedDraft(token);
    // Registered before the page's own handler: the lint is in the worker's queue before the
    // page loads the text into the editor.
    served.then(postEarlyLint, () => undefined);
  } else {
    // No draft on its way: the worker warms up while the reader picks a file (see lint.worker.ts).
    const request: WorkerRequest = { kind: 'warm-up', id: 0, locale: 'id' };
    worker.postMessage(request);
  }
}

/**
 * A text draft's first lint, exactly as the page will ask for it (LF text, its name, its config),
 * posted to the worker while the page is still compiling: the worker is idle otherwise until the
 * editor is up. Only while the page has not taken the worker (it lints for itself from then on).
 */
function postEarlyLint(draft: ServedDraft): void {
  if (!worker || draft.kind !== 'text' || draft.text === undefined) return;
  const job: LintJob = { id: EARLY_LINT_ID, text: splitLineEndings(draft.text).text, locale: initialLocale(), path: draft.name };
  if (draft.configText !== undefined) job.configText = draft.configText;
  const request: WorkerRequest = { kind: 'lint', ...job };
  worker.postMessage(request);
  earlyLint = job;
}

/** The worker started early, with the lint already posted to it if any; a new worker after that (a remount). */
export function takeLintWorker(): { worker: Worker; early?: LintJob } {
  const taken = worker ? { worker, ...(earlyLint ? { early: earlyLint } : {}) } : { worker: newWorker() };
  worker = undefined;
  earlyLint = undefined;
  return taken;
}

/** The draft `lkip view` serves, fetched early, once; fetched now after that. */
export function takeServedDraft(token: string): Promise<ServedDraft> {
  const pending = served ?? fetchServedDraft(token);
  served = undefined;
  return pending;
}
