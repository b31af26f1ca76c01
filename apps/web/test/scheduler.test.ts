import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerRequest, WorkerResponse } from '../src/lint/protocol.ts';
import { LintScheduler, type LintReply, type WorkerLike } from '../src/lint/scheduler.ts';

/** A worker that answers only when the test says so, like a slow parse. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: WorkerRequest[] = [];
  postMessage(message: WorkerRequest): void {
    this.received.push(message);
  }
  answer(request: WorkerRequest | undefined, extra: Partial<WorkerResponse> = {}): void {
    if (!request) throw new Error('nothing to answer');
    const base = { messages: [], overview: [], ms: 1 };
    const reply = (request.kind === 'fix-all' ? { kind: 'fix-all', id: request.id, output: request.text.toUpperCase(), fixed: true, ...base } : { kind: 'lint', id: request.id, ...base }) as WorkerResponse;
    this.onmessage?.({ data: { ...reply, ...extra } } as MessageEvent<WorkerResponse>);
  }
}

let worker: FakeWorker;
let results: LintReply[];
let errors: string[];
let scheduler: LintScheduler;
let text: string;
const job = () => ({ text, locale: 'id' as const, path: 'draft.md' });

beforeEach(() => {
  vi.useFakeTimers();
  worker = new FakeWorker();
  results = [];
  errors = [];
  text = 'a';
  scheduler = new LintScheduler(worker, { onResult: (r) => results.push(r), onError: (e) => errors.push(e) }, 150);
});
afterEach(() => vi.useRealTimers());

describe('LintScheduler', () => {
  it('debounces a burst of keystrokes into one request with the latest text', () => {
    for (const t of ['a', 'ab', 'abc']) {
      text = t;
      scheduler.schedule(job);
      vi.advanceTimersByTime(100);
    }
    expect(worker.received).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(worker.received.map((r) => r.text)).toEqual(['abc']);
    worker.answer(worker.received[0]);
    expect(results).toHaveLength(1);
  });

  it('drops a reply for a draft that changed since, and shows the next one', () => {
    scheduler.schedule(job);
    vi.advanceTimersByTime(150);
    text = 'ab';
    scheduler.schedule(job);
    worker.answer(worker.received[0]);
    expect(results).toEqual([]);
    vi.advanceTimersByTime(150);
    expect(worker.received.map((r) => r.text)).toEqual(['a', 'ab']);
    worker.answer(worker.received[1]);
    expect(results.map((r) => r.id)).toEqual([scheduler.current]);
  });

  it('keeps one job in the worker and only the newest waiting', () => {
    scheduler.schedule(job, 0);
    vi.advanceTimersByTime(0);
    for (const t of ['ab', 'abc', 'abcd']) {
      text = t;
      scheduler.schedule(job, 0);
      vi.advanceTimersByTime(0);
    }
    // Still busy with 'a': nothing else was posted.
    expect(worker.received.map((r) => r.text)).toEqual(['a']);
    worker.answer(worker.received[0]);
    expect(worker.received.map((r) => r.text)).toEqual(['a', 'abcd']);
    worker.answer(worker.received[1]);
    expect(results).toHaveLength(1);
  });

  it('resolves fix-all with the reply, or with undefined when the draft changed meanwhile', async () => {
    const first = scheduler.fixAll(job());
    worker.answer(worker.received[0]);
    await expect(first).resolves.toMatchObject({ kind: 'fix-all', output: 'A' });

    const second = scheduler.fixAll(job());
    text = 'typed';
    scheduler.schedule(job);
    await expect(second).resolves.toBeUndefined();
  });

  it('reports worker errors for the current draft only', () => {
    scheduler.schedule(job, 0);
    vi.advanceTimersByTime(0);
    worker.onmessage?.({ data: { kind: 'error', id: worker.received[0]?.id ?? 0, error: 'boom' } } as MessageEvent<WorkerResponse>);
    expect(errors).toEqual(['boom']);
    worker.onerror?.({ message: 'failed to load' } as ErrorEvent);
    expect(errors).toEqual(['boom', 'failed to load']);
  });
});
