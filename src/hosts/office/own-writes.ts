/**
 * Tells the add-in's change handling which worksheet changes are its own writes. Where Excel can switch the
 * add-in's events off (ExcelApi 1.8) none arrive; on older Excel the events of a drawing arrive after its sync,
 * so a freshly drawn sheet is ignored for a short settling time.
 */
export class OwnWrites {
  private depth = 0;
  private readonly settling = new Map<string, number>();

  constructor(
    private readonly now: () => number = () => Date.now(),
    readonly settleMs = 1500,
  ) {}

  begin(): () => void {
    this.depth++;
    let ended = false;
    return () => {
      if (!ended) this.depth--;
      ended = true;
    };
  }

  claimSheet(worksheetId: string): void {
    this.settling.set(worksheetId, this.now() + this.settleMs);
  }

  isOwn(worksheetId: string): boolean {
    if (this.depth > 0) return true;
    const until = this.settling.get(worksheetId);
    if (until === undefined) return false;
    if (this.now() < until) return true;
    this.settling.delete(worksheetId);
    return false;
  }
}
