import { rules } from '@lkip/rules';
import { fixAllJob, lintJob } from './lint/lint-draft.ts';
import type { WorkerRequest, WorkerResponse } from './lint/protocol.ts';

/** The parts of a dedicated worker's global scope used here (the DOM lib types `self` as a Window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}
const scope = self as unknown as WorkerScope;

// Parsing a 250 KB draft takes seconds; it happens here so that typing in the editor never waits.
scope.onmessage = (event) => {
  const request = event.data;
  try {
    if (request.kind === 'fix-all') scope.postMessage({ kind: 'fix-all', id: request.id, ...fixAllJob(request, rules) });
    else scope.postMessage({ kind: 'lint', id: request.id, ...lintJob(request, rules) });
  } catch (error) {
    scope.postMessage({ kind: 'error', id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
};
