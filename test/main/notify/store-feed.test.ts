import { afterEach, describe, expect, it } from 'vitest';
import { EntityStore } from '../../../src/main/ha/entity-store';
import { NotificationService } from '../../../src/main/notify/notification-service';
import type { AppNotification } from '../../../src/main/notify/notification-sink';
import { entityFeedFromStore } from '../../../src/main/notify/store-feed';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../../src/shared/notification-rules';
import { FakeClock } from '../../support/fake-clock';
import { FakeStatusFeed } from './fake-feeds';
import { rule } from './states';

const door = (s: 'on' | 'off', lc: number) => ({
  s,
  a: { friendly_name: 'Front door', device_class: 'door' },
  c: `ctx-${lc}`,
  lc,
});
const lamp = { s: 'on', a: { friendly_name: 'Lamp' }, c: 'ctx-lamp', lc: 1_700_000_000 };

let service: NotificationService | undefined;
afterEach(() => service?.dispose());

function setup() {
  const store = new EntityStore();
  const status = new FakeStatusFeed();
  const shown: AppNotification[] = [];
  service = new NotificationService({
    clock: new FakeClock(Date.UTC(2026, 0, 15, 12)),
    settings: DEFAULT_NOTIFICATION_SETTINGS,
    timeZone: 'Europe/Berlin',
    sink: { show: (n) => shown.push(n) },
  });
  service
    .watch({
      key: 'home',
      entities: entityFeedFromStore(store),
      connection: status,
      rules: [rule('any_change', { entityId: 'binary_sensor.front_door' })],
    })
    .start();
  return { store, status, shown };
}

describe('notifications fed by the entity store', () => {
  it('treat resubscribe snapshots as no change, 20 times over', () => {
    const { store, status, shown } = setup();
    for (let i = 0; i < 21; i++) {
      status.reconnecting();
      status.connected();
      store.replace({ 'binary_sensor.front_door': door('off', 1_700_000_000), 'light.lamp': lamp });
    }
    expect(shown).toEqual([]);
  });

  it('report a live diff once', () => {
    const { store, shown } = setup();
    store.replace({ 'binary_sensor.front_door': door('off', 1_700_000_000) });
    store.apply({ c: { 'binary_sensor.front_door': { '+': { s: 'on', lc: 1_700_000_100 } } } });
    store.apply({ c: { 'binary_sensor.front_door': { '+': { a: { battery: 90 } } } } });
    expect(shown.map((n) => n.title)).toEqual(['Front door opened']);
  });

  it('report a change found in the snapshot after an outage once, as such', () => {
    const { store, status, shown } = setup();
    store.replace({ 'binary_sensor.front_door': door('off', 1_700_000_000) });
    status.reconnecting();
    status.connected();
    store.replace({ 'binary_sensor.front_door': door('on', 1_700_000_500) });
    status.reconnecting();
    status.connected();
    store.replace({ 'binary_sensor.front_door': door('on', 1_700_000_500) });
    expect(shown).toEqual([
      expect.objectContaining({
        title: 'Front door opened',
        body: 'Happened while HA Tray was disconnected. Previously closed.',
      }),
    ]);
  });
});
