import type { IgnoreTarget, LintJob, WorkerRequest, WorkerResponse } from './protocol.ts';

/** The slice of `Worker` the scheduler uses; tests hand in a fake. */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type LintReply = Extract<WorkerResponse, { kind: 'lint' }>;
export type FixAllReply = Extract<WorkerResponse, { kind: 'fix-all' }>;
export type IgnoreReply = Extract<WorkerResponse, { kind: 'ignore' }>;
export type DocxReply = Extract<WorkerResponse, { kind: 'docx' }>;
export type PdfReply = Extract<WorkerResponse, { kind: 'pdf' }>;
type OneOffReply = IgnoreReply | DocxReply | PdfReply;

/** Requests answered once, whatever the draft does meanwhile (they carry their own text or bytes). */
type OneOff = Extract<WorkerRequest, { kind: 'ignore' } | { kind: 'docx' } | { kind: 'pdf' }>;

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
 * One-off requests (converting a Word document, placing an ignore comment) get negative ids,
 * queue ahead of the next lint and are always answered.
 */
export class LintScheduler {
  private generation = 0;
  private inFlight: WorkerRequest | undefined;
  private waiting: WorkerRequest | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private fixAllWaiter: { id: number; resolve: (reply: FixAllReply | undefined) => void } | undefined;
  private oneOffs: OneOff[] = [];
  private oneOffId = 0;
  private readonly oneOffWaiters = new Map<number, { resolve: (reply: OneOffReply) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly worker: WorkerLike,
    private readonly events: SchedulerEvents,
    private readonly debounceMs = 75,
  ) {
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      // A worker that failed to load or threw outside its handler will not answer this job.
      this.inFlight = undefined;
      this.events.onBusyChange?.(false);
      const message = event.message || 'lint worker failed';
      for (const waiter of this.oneOffWaiters.values()) waiter.reject(new Error(message));
      this.oneOffWaiters.clear();
      this.oneOffs = [];
      this.events.onError(message);
    };
  }

  /** The id the next reply must carry to be current. */
  get current(): number {
    return this.generation;
  }

  /**
   * A lint someone else already posted to this worker (boot.ts, for the draft `lkip view` serves)
   * becomes this scheduler's current job: its reply is shown like one of its own, unless the draft
   * changes first. Only on a scheduler that has sent nothing yet.
   */
  adopt(job: LintJob): void {
    if (this.inFlight || this.generation >= job.id) throw new Error('adopt: the scheduler has already sent a job');
    this.generation = job.id;
    this.inFlight = { kind: 'lint', ...job };
    this.events.onBusyChange?.(true);
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

  /** The worker finds the comment that silences exactly this finding in `job.text`. */
  ignore(job: Omit<LintJob, 'id'>, target: IgnoreTarget, reason: string): Promise<IgnoreReply> {
    return this.oneOff({ kind: 'ignore', id: 0, ...job, target, reason }) as Promise<IgnoreReply>;
  }

  /** The worker reads a Word document into Markdown; the bytes are handed over, not copied. */
  readDocx(bytes: ArrayBuffer, locale: LintJob['locale']): Promise<DocxReply> {
    return this.oneOff({ kind: 'docx', id: 0, bytes, locale }, [bytes]) as Promise<DocxReply>;
  }

  /** The worker reads a PDF's text layer into Markdown, and keeps its places for the findings. */
  readPdf(bytes: ArrayBuffer, locale: LintJob['locale']): Promise<PdfReply> {
    return this.oneOff({ kind: 'pdf', id: 0, bytes, locale }, [bytes]) as Promise<PdfReply>;
  }

  private oneOff(request: OneOff, transfer: Transferable[] = []): Promise<OneOffReply> {
    const id = --this.oneOffId;
    const numbered = { ...request, id } as OneOff;
    return new Promise((resolve, reject) => {
      this.oneOffWaiters.set(id, { resolve, reject });
      if (this.inFlight) this.oneOffs.push(numbered);
      else this.post(numbered, transfer);
    });
  }

  private post(request: WorkerRequest, transfer: Transferable[] = []): void {
    this.inFlight = request;
    this.events.onBusyChange?.(true);
    if (transfer.length > 0) this.worker.postMessage(request, transfer);
    else this.worker.postMessage(request);
  }

  private send(request: WorkerRequest): void {
    if (this.inFlight) {
      this.waiting = request;
      return;
    }
    this.post(request);
  }

  private receive(reply: WorkerResponse): void {
    this.inFlight = undefined;
    const queued = this.oneOffs.shift();
    const next = this.waiting;
    if (queued) this.post(queued);
    else {
      this.waiting = undefined;
      // A waiting job older than the newest id has been replaced by a timer that is still running.
      if (next && next.id === this.generation) this.send(next);
      else this.events.onBusyChange?.(false);
    }

    if (reply.id < 0) {
      const waiter = this.oneOffWaiters.get(reply.id);
      this.oneOffWaiters.delete(reply.id);
      if (!waiter) return;
      if (reply.kind === 'error') waiter.reject(new Error(reply.error));
      else if (reply.kind === 'ignore' || reply.kind === 'docx' || reply.kind === 'pdf') waiter.resolve(reply);
      return;
    }

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
    if (reply.kind === 'lint' && reply.id === this.generation) this.events.onResult(reply);
  }
}
