import type { MessageBase } from 'home-assistant-js-websocket';
import { describe, expect, it } from 'vitest';
import { RegistryFollower, registryEventTypes } from '../../../src/main/ha/registry-follower';
import { SubscriptionLayer } from '../../../src/main/ha/subscription-layer';
import {
  eventsOf,
  FakeConnectionSource,
  FakeHaConnection,
  settle,
} from '../../support/fake-ha-connection';
import { FakeClock } from '../../support/fake-clock';
import { recordingLogger } from '../../support/test-logger';

/** A connection that refuses the event types in `refused`, as to a user who is not an admin. */
function registryConnection(haVersion: string, refused: readonly string[] = []) {
  const conn = new FakeHaConnection({
    haVersion,
    answer: () => [],
    refuse: (message) =>
      refused.includes(String(message.event_type))
        ? { code: 'unauthorized', message: 'Unauthorized' }
        : undefined,
  });
  const reads = () => conn.sent.filter((m) => m.type === 'config/area_registry/list').length;
  const types = (messages: MessageBase[]) => messages.map((m) => String(m.event_type)).sort();
  return {
    conn,
    reads,
    fire: (eventType: string) => conn.fire(eventsOf(eventType)),
    subscribed: () => types(conn.subscribed()),
    ended: () => types(conn.ended),
  };
}

/** A follower on a layer whose connections the test gives; its reads send one command. */
function follower() {
  const clock = new FakeClock(1_000_000);
  const logger = recordingLogger();
  const source = new FakeConnectionSource();
  const registries = new RegistryFollower({
    clock,
    logger,
    subscriptions: new SubscriptionLayer(logger, source),
    intervalMs: 500,
    read: async (send) => {
      await send({ type: 'config/area_registry/list' });
    },
  });
  const connect = async (conn: FakeHaConnection) => {
    source.connect(conn);
    await settle();
  };
  return { clock, logger, registries, connect };
}

describe('registryEventTypes', () => {
  it('asks for floors and labels only where anyone may follow them (2024.8 on)', () => {
    const always = ['area_registry_updated', 'device_registry_updated', 'entity_registry_updated'];
    expect(registryEventTypes('2024.1.6')).toEqual(always);
    // Floors and labels exist, but only an administrator may follow them yet.
    expect(registryEventTypes('2024.7.4')).toEqual(always);
    for (const version of ['2024.8.0', '2026.2.3', 'not a version'])
      expect(registryEventTypes(version)).toEqual([
        ...always,
        'floor_registry_updated',
        'label_registry_updated',
      ]);
  });
});

describe('RegistryFollower', () => {
  it('reads once on a new connection and subscribes to what its version allows', async () => {
    const { connect } = follower();
    const old = registryConnection('2024.1.6');
    await connect(old.conn);
    expect(old.reads()).toBe(1);
    expect(old.subscribed()).toEqual(registryEventTypes('2024.1.6').sort());
    const newer = registryConnection('2026.2.3');
    await connect(newer.conn);
    expect(newer.reads()).toBe(1);
    expect(newer.subscribed()).toEqual(registryEventTypes('2026.2.3').sort());
  });

  it('reads a burst of events at once and once more at the end of the interval', async () => {
    const { clock, connect } = follower();
    const { conn, fire, reads } = registryConnection('2026.2.3');
    await connect(conn);
    fire('floor_registry_updated');
    await settle();
    expect(reads()).toBe(2);
    for (const type of [
      'area_registry_updated',
      'entity_registry_updated',
      'area_registry_updated',
    ])
      fire(type);
    await settle();
    expect(reads()).toBe(2);
    await clock.advanceAsync(500);
    expect(reads()).toBe(3);
    await clock.advanceAsync(5_000);
    expect(reads()).toBe(3);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('stays quiet when Home Assistant refuses an event type: an info line each, no retry', async () => {
    const { logger, clock, connect } = follower();
    const refused = ['floor_registry_updated', 'label_registry_updated'];
    const { conn, fire, reads, subscribed } = registryConnection('2026.2.3', refused);
    await connect(conn);
    await clock.advanceAsync(60_000);
    expect(subscribed()).toEqual([
      'area_registry_updated',
      'device_registry_updated',
      'entity_registry_updated',
    ]);
    expect(conn.sent.filter((m) => refused.includes(String(m.event_type)))).toHaveLength(2);
    const refusals = logger.lines.filter((line) => line.includes('does not offer'));
    expect(refusals).toHaveLength(2);
    expect(
      refusals.every((line) => line.startsWith('info ') && line.includes('Unauthorized')),
    ).toBe(true);
    fire('area_registry_updated');
    await settle();
    expect(reads()).toBe(2);
  });

  it('ends the subscriptions of a replaced connection; its events and waiting reads do nothing', async () => {
    const { clock, connect } = follower();
    const old = registryConnection('2026.2.3');
    const current = registryConnection('2026.2.3');
    await connect(old.conn);
    old.fire('area_registry_updated');
    old.fire('area_registry_updated');
    await settle();
    expect(old.reads()).toBe(2);
    // A trailing read is waiting for the old connection when the new one comes.
    await connect(current.conn);
    expect(old.ended()).toEqual(registryEventTypes('2026.2.3').sort());
    expect(old.subscribed()).toEqual([]);
    await clock.advanceAsync(1_000);
    expect(old.reads()).toBe(2);
    expect(current.reads()).toBe(1);
    current.fire('floor_registry_updated');
    await settle();
    expect(current.reads()).toBe(2);
    expect(current.ended()).toEqual([]);
  });

  it('stop ends the subscriptions and any waiting read', async () => {
    const { registries, clock, connect } = follower();
    const { conn, fire, reads, ended } = registryConnection('2024.1.6');
    await connect(conn);
    fire('entity_registry_updated');
    fire('entity_registry_updated');
    registries.stop();
    await clock.advanceAsync(1_000);
    expect(reads()).toBe(2);
    expect(ended()).toEqual(registryEventTypes('2024.1.6').sort());
    expect(clock.pendingTimers()).toBe(0);
  });
});
