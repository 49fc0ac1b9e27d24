import { z } from 'zod';
import type { ContractShape, Handlers } from '../../shared/ipc/define';
import {
  instanceArgSchema,
  requestChannel,
  subscribeArgsSchema,
  SUBSCRIBE_CHANNEL,
  valueGetterName,
} from '../../shared/ipc/define';
import type { IpcResult } from '../../shared/ipc/result';
import { fail, ok } from '../../shared/ipc/result';
import { isUserFacingError } from '../../shared/user-facing-error';
import { type HandledSecrets, tokensIn } from '../log/handled-secrets';
import type { Logger } from '../log/logger';
import { describeInvalidRequest } from './invalid-request';
import type { PageStreams } from './page-streams';
import type { IpcSender } from './sender-policy';

export const GENERIC_FAILURE = 'Something went wrong in HA Tray. The details are in its log.';

export interface HandlerTable {
  /** Every request channel the table serves, for registration with ipcMain. */
  readonly channels: readonly string[];
  /** Validates sender and payload, runs the handler, and never throws. */
  handle(channel: string, sender: IpcSender, args: unknown): Promise<IpcResult<unknown>>;
}

const emptyArgs = z.tuple([]);
const instanceArgs = z.tuple([instanceArgSchema]);

/** What a channel does: a request's handler, a value's getter, or the subscription. */
interface Route {
  name: string;
  args: z.ZodType;
  run: (args: unknown[], sender: IpcSender) => unknown;
  /** A value's getter answers only what its schema allows, like its changed event. */
  answer?: z.ZodType;
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
    /** Where a page's subscriptions go. */
    streams: PageStreams<C>;
    /** Tokens in a request are redacted from the log while it is handled. */
    handledSecrets?: HandledSecrets;
  },
): HandlerTable {
  const { isTrustedSender, logger, streams } = options;
  const call = (name: string) => (args: unknown[]) =>
    (handlers as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args);
  const routes = new Map<string, Route>([
    ...Object.entries(contract.requests).map(([name, spec]): [string, Route] => [
      requestChannel(name),
      { name, args: spec.args, run: call(name) },
    ]),
    ...Object.entries(contract.values).map(([value, spec]): [string, Route] => {
      const name = valueGetterName(value);
      return [
        requestChannel(name),
        {
          name,
          args: spec.perInstance ? instanceArgs : emptyArgs,
          run: call(name),
          answer: spec.payload,
        },
      ];
    }),
    [
      SUBSCRIBE_CHANNEL,
      {
        name: 'subscribe',
        args: subscribeArgsSchema(contract),
        run: ([key, on, document], sender) => {
          if (!sender.page) throw new Error('A subscription came without its page');
          streams.subscribe(
            sender.page,
            key as { stream: string },
            on as boolean,
            document as string,
          );
        },
      },
    ],
  ]);

  async function run(route: Route, sender: IpcSender, args: unknown): Promise<IpcResult<unknown>> {
    const parsed = route.args.safeParse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      logger.debug(`IPC request ${route.name} refused: invalid payload`, {
        code: issue?.code,
        path: issue?.path.map(String).join('.'),
      });
      return fail('invalid_payload', describeInvalidRequest(issue));
    }
    try {
      const value = await route.run(parsed.data as unknown[], sender);
      if (!route.answer) return ok(value);
      const checked = route.answer.safeParse(value);
      if (checked.success) return ok(checked.data);
      logger.error(`IPC request ${route.name} answered what the IPC contract does not allow`, {
        path: checked.error.issues[0]?.path.map(String).join('.'),
      });
      return fail('failed', GENERIC_FAILURE);
    } catch (error) {
      if (isUserFacingError(error)) return fail('failed', error.message, error.reason);
      logger.error(`IPC request ${route.name} failed`, error);
      return fail('failed', GENERIC_FAILURE);
    }
  }

  return {
    channels: [...routes.keys()],
    async handle(channel, sender, args) {
      const route = routes.get(channel);
      if (route === undefined) {
        logger.warn('IPC request on an unknown channel refused', { channel: String(channel) });
        return fail('unknown_channel', 'HA Tray does not know this request.');
      }
      if (!isTrustedSender(sender)) {
        logger.warn('IPC request from a foreign frame refused', { channel, url: sender.url });
        return fail('forbidden_sender', 'This request did not come from an HA Tray page.');
      }
      const release = tokensIn(args).map((token) => options.handledSecrets?.hold(token));
      try {
        return await run(route, sender, args);
      } finally {
        release.forEach((done) => done?.());
      }
    },
  };
}
