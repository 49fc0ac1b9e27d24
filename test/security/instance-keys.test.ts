import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppServices } from '../../src/main/app-services';
import type { DesktopNotification } from '../../src/main/notify/notifier';
import { ipcContract } from '../../src/shared/ipc/contract';
import {
  instanceArgSchema,
  requestChannel,
  streamNames,
  SUBSCRIBE_CHANNEL,
  valueGetterName,
} from '../../src/shared/ipc/define';
import type { IpcResult } from '../../src/shared/ipc/result';
import type { NotificationRule } from '../../src/shared/notification-rules';
import { FIRST_INSTANCE_KEY as KEY } from '../../src/shared/settings';
import { startSimulator, type HaSimulator } from '../ha-sim';
import { appForSimulator } from '../support/connected-app';
import { onlyInstance } from '../support/only-instance';
import { fakeStreamPage, type SentEvent } from '../support/stream-pages';
import { snapshotIn } from '../support/supervised-store';

const rule: NotificationRule = {
  id: 'kitchen',
  entityId: 'light.kitchen',
  enabled: true,
  kind: 'any_change',
  cooldownSeconds: 0,
};

/**
 * For every request and value of one instance: valid arguments besides the instance key, written
 * here by hand, so that a refusal can only be about the key. The last test checks that each
 * per-instance channel of the contract is here.
 */
const VALID_REST: Record<string, () => unknown[]> = {
  getStatus: () => [],
  getTokenStatus: () => [],
  getFavouriteEntities: () => [],
  getSignIn: () => [],
  updateInstance: () => [{ favourites: [{ entityId: 'light.kitchen' }], name: 'Cabin' }],
  removeInstance: () => [{ revokeToken: true }],
  testConnection: () => [{ url: sim.url, token: sim.token }],
  saveConnection: () => [{ url: sim.url, token: sim.token }],
  allowWeakStorage: () => [true],
  listEntities: () => [],
  actOnEntity: () => [{ entityId: 'light.kitchen', action: { kind: 'primary' } }],
  startSignIn: () => [{ url: sim.url }],
  cancelSignIn: () => [],
  allowPlainHttp: () => [{ url: 'ha.example.com' }],
  trustCertificate: () => [{ url: sim.url }],
  rotateToken: () => [],
  snoozeTokenReminder: () => ['week'],
  replaceToken: () => [{ token: sim.token, confirmDifferent: true }],
  revokeOldToken: () => [],
  loadTokenAudit: () => [],
  revokeTokens: () => [{ ids: ['some-token-id'], confirm: true }],
  previewNotification: () => [rule],
  sendTestNotification: () => [rule],
  openSettings: () => ['token'],
  openInHomeAssistant: () => ['/profile/security'],
};

/** Keys no instance can have: not HA Tray's key format, or not a string at all. */
const MALFORMED_KEYS: unknown[] = [
  'FIRST',
  ' first',
  'first/../first',
  'first\u0000',
  '',
  'k'.repeat(41),
  'cabin.local',
  42,
  null,
  { key: KEY },
  [KEY],
];

const PAGE_URL = 'ha-tray://app/settings.html';
let sim: HaSimulator;
let app: AppServices;
let dispose: () => Promise<void>;
const opened: string[] = [];
const asked: string[] = [];
const shown: DesktopNotification[] = [];
const settingsOpened: unknown[][] = [];
const events: SentEvent[] = [];
const page = fakeStreamPage((event) => events.push(event));
const PAGE = { url: PAGE_URL, isMainFrame: true, page };

/** Whether a schema is the contract's instance key, or that key made optional. */
const namesInstance = (item: z.ZodType) =>
  item === instanceArgSchema ||
  (item instanceof z.ZodOptional && item.unwrap() === instanceArgSchema);

/**
 * Every channel that names an instance, read from the contract: a request with an instance key
 * among its arguments (at that place), and a value each instance has its own of (first).
 */
function perInstanceChannels(): Array<{ name: string; at: number }> {
  const requests = Object.entries(ipcContract.requests).flatMap(([name, spec]) => {
    const at = (spec.args.def.items as z.ZodType[]).findIndex(namesInstance);
    return at < 0 ? [] : [{ name, at }];
  });
  const values = Object.entries(ipcContract.values)
    .filter(([, spec]) => spec.perInstance)
    .map(([value]) => ({ name: valueGetterName(value), at: 0 }));
  return [...requests, ...values];
}

/** The channel's valid arguments with `key` put where the instance goes. */
function argsWith(channel: { name: string; at: number }, key: unknown): unknown[] {
  const args = VALID_REST[channel.name]!();
  args.splice(channel.at, 0, key);
  return args;
}

const ask = (name: string, args: unknown[]) =>
  app.table.handle(requestChannel(name), PAGE, args) as Promise<IpcResult<unknown>>;

/** A user-facing sentence, not a validator's or a stack's words. */
function isSentence(text: string): boolean {
  return (
    /^[A-Z]/.test(text) &&
    /[.?!]$/.test(text) &&
    !/expected |Too big|Too small|ZodError|at Object\.|TypeError|undefined/.test(text)
  );
}

/**
 * What a request that reached an instance would change: the first instance's token and reminder,
 * the settings, Home Assistant's tokens and what it was asked, the browser, dialogs, notifications
 * and the settings window.
 */
function world() {
  const first = onlyInstance(app);
  return {
    token: first.vault.token(),
    pending: first.vault.pendingToken(),
    reminder: first.tokens.status().reminder.state,
    settings: JSON.stringify(app.settings.get()),
    instances: app.instances.list().map((instance) => instance.key),
    haTokens: sim.refreshTokens(sim.owner.id).map((t) => t.id),
    haCommands: sim.commands.filter((c) => c.type !== 'ping').length,
    serviceCalls: sim.serviceCalls.length,
    logins: sim.stats.authAttempts,
    kitchen: sim.getState('light.kitchen')?.state,
    opened: [...opened],
    asked: [...asked],
    shown: shown.length,
    settingsOpened: settingsOpened.length,
  };
}

/** Asks every per-instance channel with `key`, and returns the replies by channel. */
async function askEvery(key: unknown): Promise<Array<[string, IpcResult<unknown>]>> {
  const replies: Array<[string, IpcResult<unknown>]> = [];
  for (const channel of perInstanceChannels())
    replies.push([channel.name, await ask(channel.name, argsWith(channel, key))]);
  return replies;
}

beforeAll(async () => {
  sim = await startSimulator();
  ({ app, dispose } = await appForSimulator(sim, {
    platform: {
      shell: { openExternal: async (url) => void opened.push(url) },
      dialogs: {
        confirm: async (question) => {
          asked.push(question);
          return true;
        },
        showError: () => undefined,
      },
      notifier: { isSupported: () => true, show: (n) => void shown.push(n) },
      windows: {
        showSettings: (...args) => void settingsOpened.push(args),
        togglePanel: () => undefined,
        hidePanel: () => undefined,
      },
    },
  }));
  await snapshotIn(onlyInstance(app).entities);
});
afterAll(async () => {
  await dispose();
  await sim.close();
});

describe('an instance key a page sends', () => {
  it('every per-instance channel of the contract has valid arguments here, and takes them with a live key', () => {
    const channels = perInstanceChannels();
    expect(channels.map((c) => c.name).sort()).toEqual(Object.keys(VALID_REST).sort());
    // The same arguments with the first instance's key pass validation: only the key differs.
    for (const { name, at } of channels) {
      const request = (ipcContract.requests as Record<string, { args: z.ZodType } | undefined>)[
        name
      ];
      const schema = request?.args ?? z.tuple([instanceArgSchema]);
      expect(schema.safeParse(argsWith({ name, at }, KEY)).success, name).toBe(true);
    }
  });

  it('an unknown key is refused with a sentence, on every channel, and reaches nothing', async () => {
    const before = world();
    for (const key of ['cabin', 'first-2', '0', 'not-there'])
      for (const [name, reply] of await askEvery(key)) {
        expect(reply, `${name} with ${key}`).toMatchObject({
          ok: false,
          error: { code: 'failed', reason: 'unknown_instance' },
        });
        if (!reply.ok) expect(isSentence(reply.error.message), reply.error.message).toBe(true);
      }
    expect(world()).toEqual(before);
  });

  it('a malformed key is refused as an invalid request, with a sentence, and reaches nothing', async () => {
    const before = world();
    for (const key of MALFORMED_KEYS) {
      for (const [name, reply] of await askEvery(key)) {
        expect(reply, `${name} with ${JSON.stringify(key)}`).toMatchObject({
          ok: false,
          error: { code: 'invalid_payload' },
        });
        if (!reply.ok) expect(isSentence(reply.error.message), reply.error.message).toBe(true);
      }
      // Nor can a page follow a stream of such a key.
      for (const stream of streamNames(ipcContract))
        expect(
          await app.table.handle(SUBSCRIBE_CHANNEL, PAGE, [
            { stream, instance: key },
            true,
            'keyspage1',
          ]),
        ).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    expect(world()).toEqual(before);
  });

  it('the key of a removed instance reaches nothing any more', async () => {
    const added = await ask('addInstance', []);
    if (!added.ok) throw new Error(added.error.message);
    const key = added.value as string;
    // While it is there, a page reaches it, and follows its streams.
    expect(await ask('getStatus', [key])).toMatchObject({ ok: true, value: { key } });
    for (const stream of streamNames(ipcContract))
      await app.table.handle(SUBSCRIBE_CHANNEL, PAGE, [{ stream, instance: key }, true, 'keys2']);
    expect(await ask('removeInstance', [key, { revokeToken: false }])).toMatchObject({
      ok: true,
      value: { revoked: false, revokeProblem: null },
    });
    expect(app.instances.list().map((instance) => instance.key)).toEqual([KEY]);

    events.length = 0;
    const before = world();
    for (const [name, reply] of await askEvery(key)) {
      expect(reply, name).toMatchObject({
        ok: false,
        error: { code: 'failed', reason: 'unknown_instance' },
      });
      if (!reply.ok) expect(isSentence(reply.error.message), reply.error.message).toBe(true);
    }
    expect(world()).toEqual(before);
    // Nothing of it reaches a page that still follows its streams.
    expect(events.filter((event) => event.channel.endsWith(`@${key}`))).toEqual([]);
  });
});
