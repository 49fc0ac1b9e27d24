import type { HandlerTable } from '../../src/main/ipc/handler-table';
import type { StreamPage } from '../../src/main/ipc/page-streams';
import { ipcContract } from '../../src/shared/ipc/contract';
import {
  streamChannel,
  streamNames,
  SUBSCRIBE_CHANNEL,
  type StreamKey,
} from '../../src/shared/ipc/define';
import { FIRST_INSTANCE_KEY } from '../../src/shared/settings';

export interface SentEvent {
  channel: string;
  payload: unknown;
}

let nextId = 1000;

/** A page as main's streams see it: records what it is sent, and can be closed. */
export function fakeStreamPage(onSent?: (event: SentEvent) => void) {
  const sent: SentEvent[] = [];
  const goneListeners: Array<() => void> = [];
  let gone = false;
  return {
    id: nextId++,
    sent,
    send(channel: string, payload: unknown) {
      sent.push({ channel, payload });
      onSent?.({ channel, payload });
    },
    isGone: () => gone,
    onGone: (listener: () => void) => void goneListeners.push(listener),
    /** The window closed. */
    close() {
      gone = true;
      goneListeners.splice(0).forEach((listener) => listener());
    },
  } satisfies StreamPage & Record<string, unknown>;
}

/**
 * An app page that follows every stream of the contract, as the settings window and the panel
 * together do: what main sends the pages, for service tests. It follows each stream app-wide and
 * for each of `instances` (the first run's instance unless told), so it hears app-wide values and
 * each instance's own. Main takes a subscription as it arrives, so the page follows every stream
 * when this returns; a refusal fails the test run.
 */
export function followEveryStream(
  table: HandlerTable,
  onSent?: (event: SentEvent) => void,
  instances: readonly string[] = [FIRST_INSTANCE_KEY],
): SentEvent[] {
  const page = fakeStreamPage(onSent);
  const sender = { url: 'ha-tray://app/settings.html', isMainFrame: true, page };
  const keys: StreamKey[] = streamNames(ipcContract).flatMap((stream) => [
    { stream },
    ...instances.map((instance) => ({ stream, instance })),
  ]);
  for (const key of keys) {
    table.handle(SUBSCRIBE_CHANNEL, sender, [key, true, 'servicepage1']).then(
      (reply) => {
        if (!reply.ok)
          throw new Error(`could not follow ${streamChannel(key)}: ${reply.error.message}`);
      },
      (error: unknown) => {
        throw error;
      },
    );
  }
  return page.sent;
}
