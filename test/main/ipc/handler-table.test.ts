import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createHandlerTable, GENERIC_FAILURE } from '../../../src/main/ipc/handler-table';
import { createSenderPolicy } from '../../../src/main/ipc/sender-policy';
import type { Logger } from '../../../src/main/log/logger';
import { createPageStreams } from '../../../src/main/ipc/page-streams';
import {
  event,
  request,
  requestChannel,
  SUBSCRIBE_CHANNEL,
  value,
} from '../../../src/shared/ipc/define';
import { fakeStreamPage } from '../../support/stream-pages';
import { UserFacingError } from '../../../src/shared/user-facing-error';

const contract = {
  requests: {
    add: request<number>()(z.tuple([z.number(), z.number()])),
    greet: request<string>()(z.tuple([z.object({ name: z.string().min(1) }).strict()])),
    explode: request<void>()(z.tuple([])),
    refuse: request<void>()(z.tuple([])),
  },
  events: { tick: event(z.number()) },
  values: { level: value(z.number().int()) },
};

const appPage = { url: 'ha-tray://app/settings.html', isMainFrame: true };
/** The document the page has loaded. */
const DOC = 'firstload1';

function setup(level: () => number = () => 3) {
  const logger: Logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const add = vi.fn((a: number, b: number) => a + b);
  const streams = createPageStreams(contract, logger);
  const table = createHandlerTable(
    contract,
    {
      add,
      greet: async ({ name }) => `hello ${name}`,
      explode: () => {
        throw new Error('token eyJhbGciOi.secret.part leaked into an exception');
      },
      refuse: () => {
        throw new UserFacingError('Home Assistant is not reachable.', 'unreachable');
      },
      getLevel: level,
    },
    { isTrustedSender: createSenderPolicy(['ha-tray://app']), logger, streams },
  );
  return { table, add, logger, streams };
}

describe('IPC handler table', () => {
  it('serves every request of the contract and runs the handler with parsed arguments', async () => {
    const { table } = setup();
    expect(table.channels).toEqual([
      ...['add', 'greet', 'explode', 'refuse', 'getLevel'].map(requestChannel),
      SUBSCRIBE_CHANNEL,
    ]);
    await expect(table.handle(requestChannel('add'), appPage, [2, 3])).resolves.toEqual({
      ok: true,
      value: 5,
    });
    await expect(
      table.handle(requestChannel('greet'), appPage, [{ name: 'Ann' }]),
    ).resolves.toEqual({
      ok: true,
      value: 'hello Ann',
    });
  });

  it('rejects a foreign sender without running the handler', async () => {
    const { table, add } = setup();
    for (const sender of [
      { url: 'https://evil.example/', isMainFrame: true },
      { url: 'ha-tray://app/settings.html', isMainFrame: false },
      { url: undefined, isMainFrame: true },
      { url: 'file:///tmp/x.html', isMainFrame: true },
      { url: 'not a url', isMainFrame: true },
    ]) {
      const result = await table.handle(requestChannel('add'), sender, [1, 1]);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    expect(add).not.toHaveBeenCalled();
  });

  it('rejects payloads that do not match the schema with a typed error', async () => {
    const { table, add } = setup();
    for (const args of [[1], ['1', 2], [1, 2, 3], 'garbage', null, undefined, { 0: 1, 1: 2 }]) {
      const result = await table.handle(requestChannel('add'), appPage, args);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    const extraKey = await table.handle(requestChannel('greet'), appPage, [
      { name: 'a', admin: true },
    ]);
    expect(extraKey).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(add).not.toHaveBeenCalled();
  });

  it('refuses unknown channels', async () => {
    const { table } = setup();
    await expect(table.handle('ha-tray:request:__proto__', appPage, [])).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
  });

  it('shows user-facing errors as they are and hides everything else', async () => {
    const { table, logger } = setup();
    await expect(table.handle(requestChannel('refuse'), appPage, [])).resolves.toEqual({
      ok: false,
      error: { code: 'failed', message: 'Home Assistant is not reachable.', reason: 'unreachable' },
    });
    const hidden = await table.handle(requestChannel('explode'), appPage, []);
    expect(hidden).toEqual({ ok: false, error: { code: 'failed', message: GENERIC_FAILURE } });
    expect(logger.error).toHaveBeenCalledOnce();
  });

  it("answers a value's getter only with what the value's schema allows", async () => {
    const good = setup(() => 4);
    await expect(good.table.handle(requestChannel('getLevel'), appPage, [])).resolves.toEqual({
      ok: true,
      value: 4,
    });
    const bad = setup(() => 4.5);
    await expect(bad.table.handle(requestChannel('getLevel'), appPage, [])).resolves.toEqual({
      ok: false,
      error: { code: 'failed', message: GENERIC_FAILURE },
    });
    expect(bad.logger.error).toHaveBeenCalledOnce();
  });

  it('takes a subscription from an app page, checked like a request, for that page', async () => {
    const { table, streams } = setup();
    const page = fakeStreamPage();
    const sender = { ...appPage, page };
    const foreign = { url: 'https://evil.example/', isMainFrame: true, page };
    expect(
      await table.handle(SUBSCRIBE_CHANNEL, foreign, [{ stream: 'tick' }, true, DOC]),
    ).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    for (const args of [
      [{ stream: 'tock' }, true, DOC],
      [{ stream: 'tick' }, true],
      [{ stream: 'tick' }, true, '../x'],
      [{ stream: 'tick' }],
      [{ stream: 'tick' }, 1, DOC],
    ])
      expect(await table.handle(SUBSCRIBE_CHANNEL, sender, args)).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
    streams.publish('tick', 1);
    expect(page.sent).toEqual([]);
    expect(await table.handle(SUBSCRIBE_CHANNEL, sender, [{ stream: 'tick' }, true, DOC])).toEqual({
      ok: true,
      value: undefined,
    });
    streams.publish('tick', 2);
    expect(page.sent).toEqual([{ channel: 'ha-tray:event:tick', payload: 2 }]);
  });
});
