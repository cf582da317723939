/** One decision the importer made that a person should look at: which field, what was decided and why. */
export interface Guess {
  /** The form's attachment (附件1), or 通知 for the notice's own facts. */
  where: string;
  field: string;
  what: string;
  why: string;
  /** The import could not decide (not found, not readable, or a choice the notice may allow otherwise): a person must. */
  undecided?: boolean;
}

export class GuessLog {
  readonly guesses: Guess[] = [];
  constructor(private readonly where: string) {}
  add(field: string, what: string, why: string): void {
    this.guesses.push({ where: this.where, field, what, why });
  }

  /** What the import could not decide, for a person to settle (shown apart from the other guesses). */
  undecided(field: string, what: string, why: string): void {
    this.guesses.push({ where: this.where, field, what, why, undecided: true });
  }
}
