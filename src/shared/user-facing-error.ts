/**
 * An error whose message is written for the user and is safe to show anywhere (it never contains
 * a token). Services throw it for expected failures; the IPC layer shows its message as is and
 * hides every other error behind a generic sentence.
 */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';

  constructor(
    message: string,
    /** A stable machine-readable reason, for pages that react to specific failures. */
    readonly reason: string = 'error',
  ) {
    super(message);
  }
}

export function isUserFacingError(error: unknown): error is UserFacingError {
  return error instanceof UserFacingError;
}
