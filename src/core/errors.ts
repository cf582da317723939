/** An error whose message is meant for the clerk: one Chinese sentence saying what is wrong and what to do. */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
