import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MOVED_AFTER_MS, MovedInstanceWatch } from '../../../src/main/discovery/moved-instance';
import { InstanceSettings } from '../../../src/main/instances/instance-settings';
import { SettingsStore } from '../../../src/main/settings/settings-store';
import type { ConnectionStatus } from '../../../src/shared/connection-status';
import { Emitter } from '../../../src/shared/emitter';
import { FIRST_INSTANCE_KEY as KEY } from '../../../src/shared/settings';
import { FakeServiceBrowser, haAnswer } from '../../fakes/service-browser';
import { FakeClock } from '../../support/fake-clock';
import { recordingLogger } from '../../support/test-logger';
import { waitFor } from '../../support/wait-for';

const SAVED = 'http://192.168.1.10:8123';
const MOVED = 'http://192.168.1.23:8123';
const UUID = 'abc123';
const FAILING: ConnectionStatus = {
  state: 'reconnecting',
  attempt: 3,
  nextRetryAt: 0,
  reason: 'ECONNREFUSED',
};
const CONNECTED: ConnectionStatus = { state: 'connected', since: 0, haVersion: '2026.2.3' };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-moved-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup() {
  const browser = new FakeServiceBrowser();
  const clock = new FakeClock(Date.parse('2026-12-07T20:00:00Z'));
  const store = SettingsStore.open({ cwd: dir, logger: recordingLogger() });
  // The watch sees one instance's part of the settings, as each instance's services do.
  const settings = new InstanceSettings(KEY, store);
  settings.setOrigin(SAVED);
  settings.rememberUuid(UUID);
  let status: ConnectionStatus = CONNECTED;
  const statuses = new Emitter<ConnectionStatus>();
  const supervisor = {
    getStatus: () => status,
    onStatus: (listener: (s: ConnectionStatus) => void) => statuses.on(listener),
  };
  const setStatus = (next: ConnectionStatus) => {
    status = next;
    statuses.emit(next);
  };
  const answering = new Set([MOVED]);
  const asked: Array<{ question: string; detail: string; label: string }> = [];
  let answer: (question: string) => Promise<boolean> = async () => true;
  const plainHttpRefused = new Set<string>();
  let reconnects = 0;
  const watch = new MovedInstanceWatch({
    supervisor,
    browser,
    clock,
    settings,
    probe: async (origin) => answering.has(origin),
    confirm: (question, detail, label) => {
      asked.push({ question, detail, label });
      return answer(question);
    },
    plainHttpAllowed: async (origin) => !plainHttpRefused.has(origin),
    reconnect: () => void reconnects++,
    logger: recordingLogger(),
  });
  return {
    browser,
    clock,
    settings,
    setStatus,
    answering,
    asked,
    plainHttpRefused,
    watch,
    reconnects: () => reconnects,
    answerWith: (fn: (question: string) => Promise<boolean>) => (answer = fn),
    /** The saved address fails for two minutes, and the burst's few seconds pass. */
    async failForTwoMinutes() {
      setStatus(FAILING);
      await clock.advanceAsync(MOVED_AFTER_MS);
      await clock.advanceAsync(5_000);
    },
  };
}

const onDisk = () => JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
/** The first instance's entry as the settings file has it. */
const entryOnDisk = () =>
  (onDisk().instances as Array<{ key: string; origin: string | null; uuid?: string }>).find(
    (e) => e.key === KEY,
  )!;

describe('a moved Home Assistant', () => {
  it('after 2 minutes of failure sends one burst, asks in a native dialog, and only then moves and reconnects', async () => {
    const t = setup();
    t.browser.addSilently(haAnswer({ uuid: UUID, addresses: ['192.168.1.23'] }));
    t.setStatus(FAILING);
    await t.clock.advanceAsync(MOVED_AFTER_MS - 1);
    expect(t.browser.browses).toEqual([]);
    await t.clock.advanceAsync(1);
    expect(t.browser.browses).toHaveLength(1);
    await t.clock.advanceAsync(5_000);
    await waitFor(() => t.reconnects() === 1, 'the reconnect');
    // One burst: three queries a second apart, then the browse stopped.
    expect(t.browser.browses).toMatchObject([{ queries: 3, stopped: true }]);
    expect(t.asked).toEqual([
      {
        question: 'Send your token to 192.168.1.23?',
        detail: expect.stringMatching(
          /has not answered at http:\/\/192\.168\.1\.10:8123 for 2 minutes.*http:\/\/192\.168\.1\.23:8123.*Anyone on the network can say that/,
        ),
        label: 'Send token and connect',
      },
    ]);
    expect(entryOnDisk()).toMatchObject({ origin: MOVED, uuid: UUID });
    expect(onDisk().trust.addressConsents).toEqual([{ uuid: UUID, origin: MOVED, allowed: true }]);
  });

  it('keeps the address on "no", and does not ask about that address again', async () => {
    const t = setup();
    t.answerWith(async () => false);
    t.browser.addSilently(haAnswer({ uuid: UUID, addresses: ['192.168.1.23'] }));
    await t.failForTwoMinutes();
    await waitFor(() => onDisk().trust.addressConsents !== undefined, 'the answer stored');
    expect(t.asked).toHaveLength(1);
    expect(entryOnDisk()).toMatchObject({ origin: SAVED, uuid: UUID });
    expect(onDisk().trust.addressConsents).toEqual([{ uuid: UUID, origin: MOVED, allowed: false }]);
    expect(t.reconnects()).toBe(0);

    // The connection comes back, then fails again: another burst, but no second question.
    t.setStatus(CONNECTED);
    await t.failForTwoMinutes();
    expect(t.browser.browses).toHaveLength(2);
    expect(t.browser.running()).toEqual([]);
    expect(t.asked).toHaveLength(1);
  });

  it('sends no burst before 2 minutes of failure in a row, and one burst per failure', async () => {
    const t = setup();
    t.setStatus(FAILING);
    await t.clock.advanceAsync(MOVED_AFTER_MS - 1_000);
    t.setStatus(CONNECTED);
    t.setStatus(FAILING);
    await t.clock.advanceAsync(MOVED_AFTER_MS - 1_000);
    expect(t.browser.browses).toEqual([]);
    await t.clock.advanceAsync(1_000 + 5_000);
    expect(t.browser.browses).toHaveLength(1);
    // Still failing ten minutes on (each retry says "reconnecting" again): no second burst.
    for (let i = 0; i < 10; i++) {
      t.setStatus({ ...FAILING, attempt: 10 + i });
      await t.clock.advanceAsync(60_000);
    }
    expect(t.browser.browses).toHaveLength(1);
    expect(t.asked).toEqual([]);
  });

  it('asks nothing when another Home Assistant answers, or the same one at an address that does not answer', async () => {
    const t = setup();
    t.browser.addSilently(haAnswer({ uuid: 'someone-else', addresses: ['192.168.1.23'] }));
    t.browser.addSilently(haAnswer({ name: 'Same', uuid: UUID, addresses: ['192.168.1.77'] }));
    await t.failForTwoMinutes();
    expect(t.browser.browses).toMatchObject([{ stopped: true }]);
    expect(t.asked).toEqual([]);
    expect(entryOnDisk().origin).toBe(SAVED);
  });

  it('asks nothing for an address the plain-http rule refuses', async () => {
    const t = setup();
    t.plainHttpRefused.add(MOVED);
    t.browser.addSilently(haAnswer({ uuid: UUID, addresses: ['192.168.1.23'] }));
    await t.failForTwoMinutes();
    expect(t.browser.browses).toMatchObject([{ stopped: true }]);
    expect(t.asked).toEqual([]);
  });

  it('does not look without a remembered uuid', async () => {
    const t = setup();
    t.settings.setOrigin('http://192.168.1.99:8123');
    await t.failForTwoMinutes();
    expect(t.browser.browses).toEqual([]);
  });

  it('moves nothing when the saved address came back while the dialog was open', async () => {
    const t = setup();
    let agree!: (yes: boolean) => void;
    t.answerWith(() => new Promise((resolve) => (agree = resolve)));
    t.browser.addSilently(haAnswer({ uuid: UUID, addresses: ['192.168.1.23'] }));
    await t.failForTwoMinutes();
    await waitFor(() => t.asked.length === 1, 'the question');
    t.setStatus(CONNECTED);
    agree(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(entryOnDisk().origin).toBe(SAVED);
    expect(onDisk().trust.addressConsents).toBeUndefined();
    expect(t.reconnects()).toBe(0);
  });

  it('stops waiting when disposed', async () => {
    const t = setup();
    t.setStatus(FAILING);
    t.watch.dispose();
    await t.clock.advanceAsync(MOVED_AFTER_MS + 5_000);
    expect(t.browser.browses).toEqual([]);
    expect(t.clock.pendingTimers()).toBe(0);
  });
});
