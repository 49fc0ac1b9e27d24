/**
 * What every IPC request resolves to. Nothing is thrown across the bridge: Electron turns a
 * rejected `invoke` into an opaque "Error invoking remote method" string, and a typed result lets
 * the page show the right message.
 */
export type IpcErrorCode =
  /** The payload did not match the channel's schema. */
  | 'invalid_payload'
  /** The request came from a frame that is not one of the app's own pages. */
  | 'forbidden_sender'
  /** No such channel. */
  | 'unknown_channel'
  /** The service refused or failed; `message` is written for the user. */
  | 'failed';

export interface IpcError {
  code: IpcErrorCode;
  message: string;
  /**
   * With `failed`: the stable reason a service gave (`UserFacingError`'s `reason`), so a page can
   * react to a specific failure; absent when the failure was not one written for the user.
   */
  reason?: string;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function fail(code: IpcErrorCode, message: string, reason?: string): IpcResult<never> {
  return { ok: false, error: reason === undefined ? { code, message } : { code, message, reason } };
}
