import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerRequest, WorkerResponse } from '../src/lint/protocol.ts';
import { LintScheduler, type LintReply, type WorkerLike } from '../src/lint/scheduler.ts';

/** A worker that answers only when the test says so, like a slow parse. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: Extract<WorkerRequest, { text: string }>[] = [];
  readonly oneOffs: WorkerRequest[] = [];
  postMessage(message: WorkerRequest): void {
    if ('text' in message && message.kind !== 'ignore') this.received.push(message);
    else this.oneOffs.push(message);
  }
  answer(request: Extract<WorkerRequest, { text: string }> | undefined, extra: Partial<WorkerResponse> = {}): void {
    if (!request) throw new Error('nothing to answer');
    const base = { messages: [], overview: [], ms: 1, state: 'lkip', units: [], rules: [] };
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
  it('adopts a lint posted before it existed (the served draft, from boot.ts): its reply is shown like its own', () => {
    const early = { id: 1, text: 'served', locale: 'id' as const, path: 'draft.md' };
    scheduler.adopt(early);
    expect(scheduler.current).toBe(1);
    // Posted by someone else: the scheduler sends nothing itself.
    expect(worker.received).toEqual([]);
    worker.answer({ kind: 'lint', ...early });
    expect(results.map((r) => r.id)).toEqual([1]);
  });

  it('drops the adopted lint’s reply once the draft changed, and sends the new text after it', () => {
    const early = { id: 1, text: 'served', locale: 'id' as const, path: 'draft.md' };
    scheduler.adopt(early);
    text = 'edited';
    scheduler.schedule(job);
    vi.advanceTimersByTime(150);
    // The worker is still busy with the adopted job: the new one waits.
    expect(worker.received).toEqual([]);
    worker.answer({ kind: 'lint', ...early });
    expect(results).toEqual([]);
    expect(worker.received.map((r) => r.text)).toEqual(['edited']);
    worker.answer(worker.received[0]);
    expect(results.map((r) => r.id)).toEqual([2]);
  });

  it('refuses to adopt a job once it has sent one of its own', () => {
    scheduler.schedule(job);
    vi.advanceTimersByTime(150);
    expect(() => scheduler.adopt({ id: 5, text: 'x', locale: 'id', path: 'draft.md' })).toThrow(/already sent/);
  });

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

  it('answers a Word document or an ignore request once, between two lints, whatever the draft does meanwhile', async () => {
    scheduler.schedule(job, 0);
    vi.advanceTimersByTime(0);
    const docx = scheduler.readDocx(new ArrayBuffer(4), 'id');
    text = 'ab';
    scheduler.schedule(job, 0);
    vi.advanceTimersByTime(0);
    // The first lint is still in the worker: the request waits, ahead of the lint of 'ab'.
    expect(worker.oneOffs).toEqual([]);
    worker.answer(worker.received[0]);
    expect(worker.oneOffs.map((r) => r.kind)).toEqual(['docx']);
    const request = worker.oneOffs[0];
    expect(request?.id).toBeLessThan(0);
    worker.onmessage?.({ data: { kind: 'docx', id: request?.id ?? 0, markdown: '# x', locations: [] } } as unknown as MessageEvent<WorkerResponse>);
    await expect(docx).resolves.toMatchObject({ kind: 'docx', markdown: '# x' });
    expect(worker.received.map((r) => r.text)).toEqual(['a', 'ab']);
    worker.answer(worker.received[1]);
    expect(results.map((r) => r.id)).toEqual([scheduler.current]);

    const ignore = scheduler.ignore(job(), { ruleId: 'r', line: 1, column: 1, message: 'm' }, 'why');
    const asked = worker.oneOffs[1];
    worker.onmessage?.({ data: { kind: 'error', id: asked?.id ?? 0, error: 'no' } } as MessageEvent<WorkerResponse>);
    await expect(ignore).rejects.toThrow('no');
    // A failed worker leaves no request waiting for ever.
    const lost = scheduler.readDocx(new ArrayBuffer(1), 'id');
    worker.onerror?.({ message: 'crashed' } as ErrorEvent);
    await expect(lost).rejects.toThrow('crashed');
  });
});
