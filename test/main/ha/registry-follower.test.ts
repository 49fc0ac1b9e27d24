import { describe, expect, it } from 'vitest';
import {
  RegistryFollower,
  registryEventTypes,
  type RegistryConnection,
} from '../../../src/main/ha/registry-follower';
import { FakeClock } from '../../support/fake-clock';
import { recordingLogger } from '../../support/test-logger';

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A connection whose registry events tests fire, and which refuses the event types in `refused`. */
function fakeConnection(haVersion: string, refused: readonly string[] = []) {
  const listeners = new Map<string, () => void>();
  const ended: string[] = [];
  const reads: string[] = [];
  const conn = {
    haVersion,
    sendMessagePromise: async (message: { type: string }) => {
      reads.push(message.type);
      return [];
    },
    subscribeEvents: async (listener: () => void, eventType: string) => {
      if (refused.includes(eventType)) throw { code: 'unauthorized', message: 'Unauthorized' };
      listeners.set(eventType, listener);
      return async () => {
        ended.push(eventType);
        listeners.delete(eventType);
      };
    },
  } as unknown as RegistryConnection;
  const fire = (eventType: string) => listeners.get(eventType)?.();
  return { conn, fire, reads, subscribed: () => [...listeners.keys()].sort(), ended };
}

/** A follower whose reads send one command over the connection they were given. */
function follower() {
  const clock = new FakeClock(1_000_000);
  const logger = recordingLogger();
  const registries = new RegistryFollower({
    clock,
    logger,
    intervalMs: 500,
    read: async (send) => {
      await send({ type: 'config/area_registry/list' });
    },
  });
  return { clock, logger, registries };
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
  it('reads on a new connection and subscribes to what its version allows', async () => {
    const { registries } = follower();
    const old = fakeConnection('2024.1.6');
    await registries.follow(old.conn);
    expect(old.reads).toHaveLength(1);
    expect(old.subscribed()).toEqual(registryEventTypes('2024.1.6').sort());
    const newer = fakeConnection('2026.2.3');
    await registries.follow(newer.conn);
    await settle();
    expect(newer.subscribed()).toContain('floor_registry_updated');
  });

  it('reads once for the same connection given again', async () => {
    const { registries } = follower();
    const { conn, reads } = fakeConnection('2026.2.3');
    await registries.follow(conn);
    await registries.follow(conn);
    expect(reads).toHaveLength(1);
  });

  it('reads a burst of events at once and once more at the end of the interval', async () => {
    const { registries, clock } = follower();
    const { conn, fire, reads } = fakeConnection('2026.2.3');
    await registries.follow(conn);
    await settle();
    fire('floor_registry_updated');
    await settle();
    expect(reads).toHaveLength(2);
    for (const type of [
      'area_registry_updated',
      'entity_registry_updated',
      'area_registry_updated',
    ])
      fire(type);
    await settle();
    expect(reads).toHaveLength(2);
    await clock.advanceAsync(500);
    expect(reads).toHaveLength(3);
    await clock.advanceAsync(5_000);
    expect(reads).toHaveLength(3);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('stays quiet when Home Assistant refuses an event type: an info line each, no retry', async () => {
    const { registries, logger, clock } = follower();
    const refused = ['floor_registry_updated', 'label_registry_updated'];
    const { conn, fire, reads, subscribed } = fakeConnection('2026.2.3', refused);
    await registries.follow(conn);
    await settle();
    await clock.advanceAsync(60_000);
    expect(subscribed()).toEqual([
      'area_registry_updated',
      'device_registry_updated',
      'entity_registry_updated',
    ]);
    const refusals = logger.lines.filter((line) => line.includes('refused'));
    expect(refusals).toHaveLength(2);
    expect(
      refusals.every((line) => line.startsWith('info ') && line.includes('Unauthorized')),
    ).toBe(true);
    fire('area_registry_updated');
    await settle();
    expect(reads).toHaveLength(2);
  });

  it('ends the subscriptions of a replaced connection; its events and waiting reads do nothing', async () => {
    const { registries, clock } = follower();
    const old = fakeConnection('2026.2.3');
    const current = fakeConnection('2026.2.3');
    await registries.follow(old.conn);
    await settle();
    old.fire('area_registry_updated');
    old.fire('area_registry_updated');
    await settle();
    expect(old.reads).toHaveLength(2);
    // A trailing read is waiting for the old connection when the new one comes.
    await registries.follow(current.conn);
    await settle();
    expect(old.ended.sort()).toEqual(registryEventTypes('2026.2.3').sort());
    expect(old.subscribed()).toEqual([]);
    old.fire('floor_registry_updated');
    await clock.advanceAsync(1_000);
    expect(old.reads).toHaveLength(2);
    expect(current.reads).toHaveLength(1);
    current.fire('floor_registry_updated');
    await settle();
    expect(current.reads).toHaveLength(2);
    expect(current.ended).toEqual([]);
  });

  it('stop ends the subscriptions and any waiting read', async () => {
    const { registries, clock } = follower();
    const { conn, fire, reads, ended } = fakeConnection('2024.1.6');
    await registries.follow(conn);
    await settle();
    fire('entity_registry_updated');
    fire('entity_registry_updated');
    registries.stop();
    await clock.advanceAsync(1_000);
    expect(reads).toHaveLength(2);
    expect(ended.sort()).toEqual(registryEventTypes('2024.1.6').sort());
    expect(clock.pendingTimers()).toBe(0);
  });
});
