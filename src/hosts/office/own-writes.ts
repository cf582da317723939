/**
 * Tells live checking when the add-in's own writes (an insert) are in flight. It never makes live checking drop a
 * change event: in Excel the event of a person's edit and the answer of the add-in's sync may arrive in either
 * order, an edit made while the sync runs included (events are delivered asynchronously and may be delayed:
 * office-js #1502, #1760), so "ignore every change while our sync runs" would drop the clerk's edits. Checking only
 * reads the sheet, so the event of an own write costs at most one extra read, never a loop.
 *
 * What it does instead: while events are switched off for an insert (Runtime.enableEvents, ExcelApi 1.8, which
 * silences every event of the add-in, the person's edits included), an edit made meanwhile raises no event at all;
 * so when a window ends, live checking is told to re-read the form sheets it knows.
 */
export class OwnWrites {
  private depth = 0;
  private readonly listeners = new Set<() => void>();

  /** The arguments of the earlier settling-window design are accepted and ignored: nothing is dropped any more. */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  constructor(..._ignored: unknown[]) {}

  /** Starts a window of own writes; the function returned ends it (once). */
  begin(): () => void {
    this.depth++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.depth--;
      if (this.depth === 0) for (const l of [...this.listeners]) l();
    };
  }

  /** Whether own writes are in flight (for information: no event is ever dropped because of it). */
  get writing(): boolean {
    return this.depth > 0;
  }

  /** Called each time the last open window ends. */
  onEnded(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
