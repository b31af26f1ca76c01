import type { LintJob, WorkerRequest, WorkerResponse } from './protocol.ts';

/** The slice of `Worker` the scheduler uses; tests hand in a fake. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type LintReply = Extract<WorkerResponse, { kind: 'lint' }>;
export type FixAllReply = Extract<WorkerResponse, { kind: 'fix-all' }>;

export interface SchedulerEvents {
  /** Findings for the draft as it is now; replies for older drafts never get here. */
  onResult(reply: LintReply): void;
  onError(message: string): void;
  /** A request went to the worker, or the worker went idle: for the status line. */
  onBusyChange?(busy: boolean): void;
}

/**
 * Keeps at most one job in the worker and one waiting: while the worker reads one version of
 * the draft, keystrokes only replace the waiting job, so a slow parse never piles up work, and
 * a reply is used only when its id is still the newest (the draft has not changed since).
 */
export class LintScheduler {
  private generation = 0;
  private inFlight: WorkerRequest | undefined;
  private waiting: WorkerRequest | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private fixAllWaiter: { id: number; resolve: (reply: FixAllReply | undefined) => void } | undefined;

  constructor(
    private readonly worker: WorkerLike,
    private readonly events: SchedulerEvents,
    private readonly debounceMs = 150,
  ) {
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      // A worker that failed to load or threw outside its handler will not answer this job.
      this.inFlight = undefined;
      this.events.onBusyChange?.(false);
      this.events.onError(event.message || 'lint worker failed');
    };
  }

  /** The id the next reply must carry to be current. */
  get current(): number {
    return this.generation;
  }

  /** The draft (or the locale) changed: anything in flight is stale from now on. */
  invalidate(): number {
    this.generation++;
    if (this.fixAllWaiter && this.fixAllWaiter.id < this.generation) {
      this.fixAllWaiter.resolve(undefined);
      this.fixAllWaiter = undefined;
    }
    return this.generation;
  }

  /**
   * Lint after `delay` ms of quiet. `job` is read when the timer fires, so a burst of keystrokes
   * costs one `doc.toString()`, not one per key.
   */
  schedule(job: () => Omit<LintJob, 'id'>, delay = this.debounceMs): void {
    const id = this.invalidate();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (id === this.generation) this.send({ kind: 'lint', id, ...job() });
    }, delay);
  }

  /** Fix everything fixable in the worker; undefined when the draft changed before the reply. */
  fixAll(job: Omit<LintJob, 'id'>): Promise<FixAllReply | undefined> {
    const id = this.invalidate();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    return new Promise((resolve) => {
      this.fixAllWaiter = { id, resolve };
      this.send({ kind: 'fix-all', id, ...job });
    });
  }

  private send(request: WorkerRequest): void {
    if (this.inFlight) {
      this.waiting = request;
      return;
    }
    this.inFlight = request;
    this.events.onBusyChange?.(true);
    this.worker.postMessage(request);
  }

  private receive(reply: WorkerResponse): void {
    this.inFlight = undefined;
    const next = this.waiting;
    this.waiting = undefined;
    // A waiting job older than the newest id has been replaced by a timer that is still running.
    if (next && next.id === this.generation) this.send(next);
    else this.events.onBusyChange?.(false);

    if (reply.kind === 'error') {
      if (reply.id === this.generation) this.events.onError(reply.error);
      if (this.fixAllWaiter?.id === reply.id) {
        this.fixAllWaiter.resolve(undefined);
        this.fixAllWaiter = undefined;
      }
      return;
    }
    if (reply.kind === 'fix-all') {
      const waiter = this.fixAllWaiter;
      if (waiter?.id === reply.id) {
        this.fixAllWaiter = undefined;
        // `invalidate` has already settled waiters the draft moved past; this one is current.
        waiter.resolve(reply);
      }
      return;
    }
    if (reply.id === this.generation) this.events.onResult(reply);
  }
}
