import type { ComparisonInput } from '@lkip/compare';
import { rules } from '@lkip/rules';
import { analyseDraft, compare } from './compare/model.ts';
import type { CompareRequest, CompareResponse } from './compare/protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<CompareRequest>) => void) | null;
  postMessage(message: CompareResponse): void;
}
const scope = self as unknown as WorkerScope;

// Reading seven provinces takes seconds; here, the page keeps scrolling and typing meanwhile.
scope.onmessage = (event) => {
  const { id, drafts, locale } = event.data;
  try {
    const inputs: ComparisonInput[] = [];
    const skipped: string[] = [];
    drafts.forEach((draft, i) => {
      const input = analyseDraft(draft, locale, rules);
      if (input) inputs.push(input);
      else skipped.push(draft.key);
      scope.postMessage({ kind: 'progress', id, done: i + 1, total: drafts.length });
    });
    const result: CompareResponse = { kind: 'result', id, skipped };
    if (inputs.length >= 2) result.comparison = compare(inputs, locale, skipped);
    scope.postMessage(result);
  } catch (error) {
    scope.postMessage({ kind: 'error', id, error: error instanceof Error ? error.message : String(error) });
  }
};
