import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppNotification } from '../../../src/main/notify/notification-sink';
import type { InstanceNotifications } from '../../../src/main/notify/instance-notifications';
import { NotificationService } from '../../../src/main/notify/notification-service';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  type NotificationRule,
  type NotificationSettings,
} from '../../../src/shared/notification-rules';
import { recordingLogger } from '../../support/test-logger';
import { FakeClock } from '../../support/fake-clock';
import { FakeEntityFeed, FakeStatusFeed } from './fake-feeds';
import { FakeHome } from './fake-home';
import { rule } from './states';

const utc = (iso: string) => Date.parse(`${iso}Z`);
const DOOR = 'binary_sensor.front_door';
const doorOpens = rule('becomes', { entityId: DOOR, states: ['on'] });

let clock: FakeClock;
let feed: FakeEntityFeed;
let status: FakeStatusFeed;
let home: FakeHome;
let shown: AppNotification[];
let service: NotificationService;
let watch: InstanceNotifications;

function settings(fields: Partial<NotificationSettings> = {}): NotificationSettings {
  return { ...DEFAULT_NOTIFICATION_SETTINGS, ...fields };
}

function startService(
  fields: Partial<NotificationSettings> = {},
  instanceName?: (key: string) => string | null,
) {
  service = new NotificationService({
    clock,
    settings: settings(fields),
    timeZone: 'Europe/Berlin',
    instanceName,
    sink: {
      show: (notification) => shown.push(notification),
    },
  });
  watch = service.watch({ key: 'home', entities: feed, connection: status, rules: [doorOpens] });
  watch.start();
  home.set(DOOR, 'off', { friendly_name: 'Front door', device_class: 'door' });
  status.connected();
  home.connect();
}

function outage(ms: number, during?: () => void) {
  status.reconnecting();
  home.disconnect();
  during?.();
  clock.advance(ms);
  status.connected();
  home.connect();
}

beforeEach(() => {
  // 13:00 in Berlin.
  clock = new FakeClock(utc('2026-01-15T12:00:00'));
  feed = new FakeEntityFeed();
  status = new FakeStatusFeed();
  home = new FakeHome(clock, feed);
  home.disconnect();
  shown = [];
});

afterEach(() => service.dispose());

describe('notification service', () => {
  it('shows one notification when the door opens, linked to the entity', () => {
    startService();
    home.set(DOOR, 'on');
    expect(shown).toEqual([
      {
        kind: 'entity',
        title: 'Front door opened',
        body: 'Previously closed.',
        instance: 'home',
        entityId: DOOR,
      },
    ]);
  });

  it('shows nothing for 20 reconnects with unchanged states', () => {
    startService();
    for (let i = 0; i < 20; i++) outage(5_000);
    expect(shown).toEqual([]);
  });

  it('reports a change during an outage exactly once, saying it happened while disconnected', () => {
    startService();
    outage(5_000, () => home.set(DOOR, 'on'));
    for (let i = 0; i < 5; i++) outage(5_000);
    expect(shown).toEqual([
      {
        kind: 'entity',
        title: 'Front door opened',
        body: 'Happened while HA Tray was disconnected. Previously closed.',
        instance: 'home',
        entityId: DOOR,
      },
    ]);
  });

  it('takes the states it finds at start as the baseline', () => {
    home.set(DOOR, 'on', { friendly_name: 'Front door', device_class: 'door' });
    home.connect();
    startService();
    expect(shown).toEqual([]);
  });

  it('holds entity notifications back during quiet hours, local time', () => {
    startService({ quietHours: { enabled: true, start: '12:30', end: '14:00' } });
    home.set(DOOR, 'on');
    clock.advance(3_600_000);
    home.set(DOOR, 'off');
    home.set(DOOR, 'on');
    expect(shown.map((n) => n.title)).toEqual(['Front door opened']);
  });

  it('pauses for an hour, tells listeners, and resumes by itself', () => {
    startService();
    const changes: (number | null)[] = [];
    service.onPauseChange((until) => changes.push(until));
    const until = service.pauseForAnHour();
    expect(until).toBe(utc('2026-01-15T13:00:00'));
    expect(service.pausedUntil()).toBe(until);
    home.set(DOOR, 'on');
    expect(shown).toEqual([]);
    clock.advance(3_600_000);
    expect(changes).toEqual([until, null]);
    expect(service.pausedUntil()).toBeNull();
    home.set(DOOR, 'off');
    home.set(DOOR, 'on');
    expect(shown).toHaveLength(1);
  });

  it('pauses until tomorrow morning and can resume early', () => {
    startService({ quietHours: { enabled: false, start: '22:00', end: '06:30' } });
    expect(service.pauseUntilTomorrow()).toBe(utc('2026-01-16T06:00:00'));
    service.resume();
    expect(service.pausedUntil()).toBeNull();
    home.set(DOOR, 'on');
    expect(shown).toHaveLength(1);
  });

  it('keeps a pause remembered in the settings', () => {
    startService({ pausedUntil: '2026-01-15T12:30:00.000Z' });
    home.set(DOOR, 'on');
    expect(service.pausedUntil()).toBe(utc('2026-01-15T12:30:00'));
    expect(shown).toEqual([]);
  });

  it('ends a pause longer than a timer can wait at its time, not before', () => {
    const day = 86_400_000;
    startService({ pausedUntil: new Date(utc('2026-01-15T12:00:00') + 40 * day).toISOString() });
    const changes: (number | null)[] = [];
    service.onPauseChange((until) => changes.push(until));
    clock.advance(40 * day - 1);
    expect(changes).toEqual([]);
    clock.advance(1);
    expect(changes).toEqual([null]);
  });

  it('sends the test notification even while paused', () => {
    startService();
    service.pauseForAnHour();
    service.sendTest(
      { title: 'Front door opened', body: '' },
      { instance: 'home', entityId: DOOR },
    );
    expect(shown).toEqual([
      { kind: 'test', title: 'Front door opened', body: '', instance: 'home', entityId: DOOR },
    ]);
  });

  it('follows new rules from the settings', () => {
    startService();
    const closes: NotificationRule = rule('becomes', { entityId: DOOR, states: ['off'] });
    watch.setRules([closes]);
    home.set(DOOR, 'on');
    home.set(DOOR, 'off');
    expect(shown.map((n) => n.title)).toEqual(['Front door closed']);
  });

  it('says when the connection is lost for longer than the set time, and when it is back', () => {
    startService();
    outage(30_000);
    expect(shown).toEqual([]);
    outage(120_000);
    expect(shown.map((n) => n.kind)).toEqual(['connection_lost', 'connection_restored']);
  });

  it('leaves connection alerts out when they are switched off', () => {
    startService({ connectionAlerts: { enabled: false, lostAfterSeconds: 60 } });
    outage(120_000);
    status.set({ state: 'auth_failed', message: 'Invalid access token or password' });
    expect(shown).toEqual([]);
  });

  it('shows the token rotation notification once a day, not counting one held back', () => {
    startService({ quietHours: { enabled: true, start: '12:30', end: '14:00' } });
    const text = { title: 'Time to rotate your Home Assistant token', body: '' };
    const home = { instance: 'home' };
    expect(service.showOncePerDay('token_rotation_due', text, home)).toBe(false);
    clock.advance(3_600_000);
    expect(service.showOncePerDay('token_rotation_due', text, home)).toBe(true);
    clock.advance(3_600_000);
    expect(service.showOncePerDay('token_rotation_due', text, home)).toBe(false);
    // Another instance's token has its own day.
    expect(service.showOncePerDay('token_rotation_due', text, { instance: 'cabin' })).toBe(true);
    expect(shown.map((n) => [n.kind, n.instance])).toEqual([
      ['token_rotation_due', 'home'],
      ['token_rotation_due', 'cabin'],
    ]);
  });

  it('survives a sink that throws, and logs it', () => {
    const logger = recordingLogger();
    service = new NotificationService({
      clock,
      settings: settings(),
      logger,
      sink: {
        show: () => {
          throw new Error('notification daemon gone');
        },
      },
    });
    service.watch({ key: 'home', entities: feed, connection: status, rules: [doorOpens] }).start();
    home.set(DOOR, 'off');
    home.connect();
    expect(() => home.set(DOOR, 'on')).not.toThrow();
    expect(logger.lines.join('\n')).toContain(
      'warn Showing the entity notification failed notification daemon gone',
    );
  });

  it('stops listening on dispose', () => {
    startService();
    service.dispose();
    expect(feed.listenerCount).toBe(0);
    home.set(DOOR, 'on');
    expect(shown).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('names the instance in the title when HA Tray follows several, and keeps each one apart', () => {
    const cabinFeed = new FakeEntityFeed();
    const cabinStatus = new FakeStatusFeed();
    const cabin = new FakeHome(clock, cabinFeed);
    startService({}, (key) => ({ home: 'Home', cabin: 'Cabin' })[key] ?? null);
    service
      .watch({
        key: 'cabin',
        entities: cabinFeed,
        connection: cabinStatus,
        rules: [rule('becomes', { entityId: DOOR, states: ['on'] })],
      })
      .start();
    cabin.set(DOOR, 'off', { friendly_name: 'Front door', device_class: 'door' });
    cabinStatus.connected();
    cabin.connect();
    cabin.set(DOOR, 'on');
    // The cabin's outage alerts about the cabin alone; the home's door still notifies.
    cabinStatus.reconnecting();
    cabin.disconnect();
    clock.advance(120_000);
    home.set(DOOR, 'on');
    expect(shown.map((n) => [n.instance, n.title])).toEqual([
      ['cabin', 'Cabin: Front door opened'],
      ['cabin', expect.stringMatching(/^Cabin: /)],
      ['home', 'Home: Front door opened'],
    ]);
    expect(shown[1]!.kind).toBe('connection_lost');
  });
});
