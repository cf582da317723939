/**
 * Runs live checking's host work one batch at a time, in order (a failed batch does not stop the next), and says
 * whether any is waiting or running.
 */
export class CheckQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  /** `onBusy` is told the pending state each time a batch is added or ends. */
  constructor(private readonly onBusy: (busy: boolean) => void) {}

  get busy(): boolean {
    return this.pending > 0;
  }

  add<T>(work: () => Promise<T>): Promise<T> {
    this.pending++;
    this.onBusy(true);
    const next = this.tail.then(work, work);
    this.tail = next.then(
      () => undefined,
      () => undefined,
    );
    return next.finally(() => {
      this.pending--;
      this.onBusy(this.pending > 0);
    });
  }

  /** Resolves when the batches added so far have ended. */
  settled(): Promise<unknown> {
    return this.tail;
  }
}
