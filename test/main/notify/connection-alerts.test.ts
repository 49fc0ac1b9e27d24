import { beforeEach, describe, expect, it } from 'vitest';
import {
  ConnectionAlerts,
  type ConnectionAlertKind,
} from '../../../src/main/notify/connection-alerts';
import { formatOutage } from '../../../src/main/notify/connection-messages';
import type { ConnectionStatus } from '../../../src/shared/connection-status';
import { FakeClock } from '../../support/fake-clock';

const connected: ConnectionStatus = { state: 'connected', since: 0, haVersion: '2024.1.6' };
const reconnecting = (attempt = 1): ConnectionStatus => ({
  state: 'reconnecting',
  attempt,
  nextRetryAt: 0,
  reason: 'Home Assistant is not reachable',
});

let clock: FakeClock;
let shown: { kind: ConnectionAlertKind; title: string; body: string }[];
let showing: boolean;
let alerts: ConnectionAlerts;

beforeEach(() => {
  clock = new FakeClock(1_000_000);
  shown = [];
  showing = true;
  alerts = new ConnectionAlerts({
    clock,
    lostAfterMs: 60_000,
    show: (kind, text) => {
      if (showing) shown.push({ kind, ...text });
      return showing;
    },
  });
});

const kinds = () => shown.map((s) => s.kind);

describe('connection alerts', () => {
  it('stay silent for a blip shorter than the set time', () => {
    alerts.update(connected);
    alerts.update(reconnecting());
    clock.advance(59_999);
    alerts.update(connected);
    clock.advance(120_000);
    expect(shown).toEqual([]);
  });

  it('say "lost" once the outage lasts, and "restored" with how long it lasted', () => {
    alerts.update(connected);
    alerts.update(reconnecting(1));
    clock.advance(30_000);
    alerts.update(reconnecting(2));
    clock.advance(30_000);
    expect(shown).toEqual([
      {
        kind: 'connection_lost',
        title: 'Lost the connection to Home Assistant',
        body: 'Home Assistant is not reachable. HA Tray keeps trying and tells you when it is back.',
      },
    ]);
    clock.advance(240_000);
    alerts.update(reconnecting(3));
    alerts.update(connected);
    expect(shown[1]).toEqual({
      kind: 'connection_restored',
      title: 'Connected to Home Assistant again',
      body: 'The connection was down for 5 minutes.',
    });
  });

  it('say nothing when the first connection at start fails', () => {
    alerts.update({ state: 'connecting' });
    alerts.update(reconnecting());
    clock.advance(600_000);
    expect(shown).toEqual([]);
  });

  it('say "restored" only if "lost" was shown', () => {
    alerts.update(connected);
    showing = false;
    alerts.update(reconnecting());
    clock.advance(60_000);
    showing = true;
    alerts.update(connected);
    expect(shown).toEqual([]);
  });

  it('try "lost" again after quiet hours held it back, if the outage goes on', () => {
    alerts.update(connected);
    showing = false;
    alerts.update(reconnecting(1));
    clock.advance(60_000);
    showing = true;
    alerts.update(reconnecting(2));
    clock.advance(60_000);
    expect(kinds()).toEqual(['connection_lost']);
  });

  it('name the offline computer as the reason', () => {
    alerts.update(connected);
    alerts.update({ state: 'offline' });
    clock.advance(60_000);
    expect(shown[0]?.body).toBe(
      'This computer is offline. HA Tray keeps trying and tells you when it is back.',
    );
  });

  it('say "token rejected" once per episode', () => {
    alerts.update({ state: 'auth_failed', message: 'Invalid access token or password' });
    alerts.update({ state: 'auth_failed', message: 'Invalid access token or password' });
    alerts.update({ state: 'connecting' });
    alerts.update({ state: 'auth_failed', message: 'Invalid access token or password' });
    expect(kinds()).toEqual(['token_rejected']);
    alerts.update(connected);
    alerts.update({ state: 'auth_failed', message: 'Invalid access token or password' });
    expect(kinds()).toEqual(['token_rejected', 'token_rejected']);
  });

  it('say "banned" once per episode, and not "lost" on top', () => {
    alerts.update(connected);
    alerts.update(reconnecting());
    alerts.update({ state: 'banned' });
    alerts.update({ state: 'banned' });
    clock.advance(600_000);
    expect(kinds()).toEqual(['ban_detected']);
    expect(shown[0]?.title).toBe('Home Assistant has banned this computer');
  });

  it('start over when the connection is removed', () => {
    alerts.update(connected);
    alerts.update({ state: 'not_configured' });
    alerts.update({ state: 'connecting' });
    clock.advance(600_000);
    expect(shown).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('use a changed delay from the next outage on', () => {
    alerts.update(connected);
    alerts.setLostAfterMs(10_000);
    alerts.update(reconnecting());
    clock.advance(10_000);
    expect(kinds()).toEqual(['connection_lost']);
  });

  it('stop their timer on dispose', () => {
    alerts.update(connected);
    alerts.update(reconnecting());
    alerts.dispose();
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('outage durations', () => {
  it('read naturally', () => {
    expect(formatOutage(59_000)).toBe('less than a minute');
    expect(formatOutage(60_000)).toBe('1 minute');
    expect(formatOutage(3_600_000)).toBe('1 hour');
    expect(formatOutage(2 * 3_600_000 + 5 * 60_000)).toBe('2 hours 5 minutes');
  });
});
