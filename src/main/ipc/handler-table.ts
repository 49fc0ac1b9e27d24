import type { ContractShape, Handlers } from '../../shared/ipc/define';
import { requestChannel } from '../../shared/ipc/define';
import type { IpcResult } from '../../shared/ipc/result';
import { fail, ok } from '../../shared/ipc/result';
import { isUserFacingError } from '../../shared/user-facing-error';
import type { Logger } from '../log/logger';
import { type HandledSecrets, tokensIn } from '../log/handled-secrets';
import { describeInvalidRequest } from './invalid-request';
import type { IpcSender } from './sender-policy';

export const GENERIC_FAILURE = 'Something went wrong in HA Tray. The details are in its log.';

export interface HandlerTable {
  /** Every request channel the table serves, for registration with ipcMain. */
  readonly channels: readonly string[];
  /** Validates sender and payload, runs the handler, and never throws. */
  handle(channel: string, sender: IpcSender, args: unknown): Promise<IpcResult<unknown>>;
}

/**
 * The one place where renderer input enters the main process. The Electron registration and the
 * end-to-end harness both call `handle`, so both get the same sender checks and validation.
 */
export function createHandlerTable<C extends ContractShape>(
  contract: C,
  handlers: Handlers<C>,
  options: {
    isTrustedSender: (sender: IpcSender) => boolean;
    logger: Logger;
    /** Tokens in a request are redacted from the log while it is handled. */
    handledSecrets?: HandledSecrets;
  },
): HandlerTable {
  const byChannel = new Map<string, string>(
    Object.keys(contract.requests).map((name) => [requestChannel(name), name]),
  );
  const { isTrustedSender, logger } = options;

  async function run(name: string, args: unknown): Promise<IpcResult<unknown>> {
    const spec = contract.requests[name]!;
    const parsed = spec.args.safeParse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      logger.debug(`IPC request ${name} refused: invalid payload`, {
        code: issue?.code,
        path: issue?.path.map(String).join('.'),
      });
      return fail('invalid_payload', describeInvalidRequest(issue));
    }
    try {
      const handler = handlers[name] as (...a: unknown[]) => unknown;
      return ok(await handler(...(parsed.data as unknown[])));
    } catch (error) {
      if (isUserFacingError(error)) return fail('failed', error.message);
      logger.error(`IPC request ${name} failed`, error);
      return fail('failed', GENERIC_FAILURE);
    }
  }

  return {
    channels: [...byChannel.keys()],
    async handle(channel, sender, args) {
      const name = byChannel.get(channel);
      if (name === undefined) {
        logger.warn('IPC request on an unknown channel refused', { channel: String(channel) });
        return fail('unknown_channel', 'HA Tray does not know this request.');
      }
      if (!isTrustedSender(sender)) {
        logger.warn('IPC request from a foreign frame refused', { channel, url: sender.url });
        return fail('forbidden_sender', 'This request did not come from an HA Tray page.');
      }
      const release = tokensIn(args).map((token) => options.handledSecrets?.hold(token));
      try {
        return await run(name, args);
      } finally {
        release.forEach((done) => done?.());
      }
    },
  };
}
