import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionSupervisor } from '../../../src/main/ha/connection-supervisor';
import type {
  Subscription,
  SubscriptionDeclaration,
  SubscriptionStatus,
} from '../../../src/main/ha/subscription-layer';
import { normaliseInstanceUrl } from '../../../src/shared/instance-url';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { fastRetry } from '../../support/fast-retry';
import { snapshotIn, supervisedStore } from '../../support/supervised-store';
import { waitFor } from '../../support/wait-for';

const sims: HaSimulator[] = [];
const supervisors: ConnectionSupervisor[] = [];
afterEach(async () => {
  supervisors.splice(0).forEach((s) => s.dispose());
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

/** The app's connection to a fresh simulator, logged in with `token` (the owner's by default). */
async function connected(token?: (sim: HaSimulator) => string) {
  const sim = await startSimulator();
  sims.push(sim);
  const wired = supervisedStore({ retry: fastRetry(5, 20) });
  supervisors.push(wired.supervisor);
  const instance = normaliseInstanceUrl(sim.url);
  if (!instance.ok) throw new Error(instance.error);
  wired.supervisor.setCredentials({ instance: instance.value, token: token?.(sim) ?? sim.token });
  await snapshotIn(wired.entities);
  /** Resolves once the supervisor makes its next connection (or, `lost`, loses this one). */
  const nextConnection = (lost = false) =>
    new Promise<void>((resolve) => {
      const off = wired.supervisor.onConnection((conn) => {
        if ((conn === null) !== lost) return;
        off();
        resolve();
      });
    });
  return { sim, ...wired, nextConnection };
}

/** Resolves once the subscription is in `state` (at once if it is). */
function becomes(subscription: Subscription, state: SubscriptionStatus['state']) {
  return new Promise<SubscriptionStatus>((resolve) => {
    if (subscription.status().state === state) return resolve(subscription.status());
    const off = subscription.onStatus((status) => {
      if (status.state !== state) return;
      off();
      resolve(status);
    });
  });
}

/** A declaration of `subscribe_events` for `eventType` whose events land in `events`. */
function eventsOf(
  eventType: string,
  events: unknown[] = [],
  more: Partial<SubscriptionDeclaration> = {},
): SubscriptionDeclaration {
  return {
    what: `the ${eventType} events`,
    message: () => ({ type: 'subscribe_events', event_type: eventType }),
    apply: (event) => events.push(event),
    ...more,
  };
}

/** The subscribe commands the simulator received on socket `socket`, as `type[:event_type]`. */
function subscribesOn(sim: HaSimulator, socket: number): string[] {
  return sim.commands
    .filter((c) => c.socket === socket && String(c.type).startsWith('subscribe_'))
    .map((c) => {
      const eventType = (c.message as { event_type?: string }).event_type;
      return eventType ? `${String(c.type)}:${eventType}` : String(c.type);
    });
}

describe('the subscription layer against the simulator', () => {
  it('adds a subscription at run time, and removing it unsubscribes: the server stops sending', async () => {
    const { sim, store, subscriptions } = await connected();
    const events: unknown[] = [];
    const subscription = subscriptions.add(eventsOf('state_changed', events));
    await becomes(subscription, 'established');
    expect(sim.eventSubscribers('state_changed')).toBe(1);
    sim.setState('light.kitchen', 'off');
    await waitFor(() => events.length === 1, 'the state_changed event');

    subscription.remove();
    const subscribed = sim.commands.find((c) => c.type === 'subscribe_events')!;
    await waitFor(() => sim.eventSubscribers('state_changed') === 0, 'the server to unsubscribe');
    expect(sim.commands.at(-1)).toMatchObject({
      type: 'unsubscribe_events',
      message: { subscription: (subscribed.message as { id: number }).id },
    });
    // The entities follow the same change: by then any event of the removed one would be in.
    sim.setState('light.kitchen', 'on');
    await waitFor(() => store.get('light.kitchen')?.state === 'on', 'the entity change');
    expect(events).toHaveLength(1);
  });

  it('establishes every subscription again on a new connection, once each, in the order added', async () => {
    const { sim, subscriptions, nextConnection } = await connected();
    const added = [
      subscriptions.add(eventsOf('state_changed')),
      subscriptions.add(eventsOf('themes_updated')),
      subscriptions.add(eventsOf('panels_updated')),
    ];
    await Promise.all(added.map((s) => becomes(s, 'established')));
    const order = [
      'subscribe_entities',
      'subscribe_events:state_changed',
      'subscribe_events:themes_updated',
      'subscribe_events:panels_updated',
    ];
    expect(subscribesOn(sim, 1)).toEqual(order);

    const back = nextConnection();
    await sim.restart({ downMs: 1 });
    await back;
    await Promise.all(added.map((s) => becomes(s, 'established')));
    expect(subscribesOn(sim, sim.stats.connectionsOpened)).toEqual(order);
    expect(sim.eventSubscribers('state_changed')).toBe(1);
  });

  it('subscribes again on demand when Home Assistant dropped it without a word', async () => {
    const { sim, store, logger, subscriptions } = await connected();
    const events: unknown[] = [];
    const subscription = subscriptions.add(eventsOf('state_changed', events));
    await becomes(subscription, 'established');
    expect(sim.dropSubscriptions((c) => c.event_type === 'state_changed')).toBe(1);
    sim.setState('light.kitchen', 'off');
    await waitFor(() => store.get('light.kitchen')?.state === 'off', 'the entity change');
    expect(events).toEqual([]);

    subscription.resubscribe();
    await waitFor(() => sim.eventSubscribers('state_changed') === 1, 'subscribed again');
    sim.setState('light.kitchen', 'on');
    await waitFor(() => events.length === 1, 'an event again');
    // Ending the dropped one is answered not_found, which is no news.
    expect(
      logger.lines.filter((line) => !line.startsWith('debug') && !line.startsWith('info')),
    ).toEqual([]);
  });

  it('a subscription Home Assistant does not have is unavailable: not asked again, said once', async () => {
    const { sim, logger, subscriptions, nextConnection } = await connected();
    const channel = subscriptions.add({
      what: 'notifications',
      message: () => ({ type: 'mobile_app/push_notification_channel', webhook_id: 'abc' }),
      apply: () => undefined,
    });
    const status = await becomes(channel, 'unavailable');
    expect(status).toMatchObject({ failure: { outcome: 'unavailable', code: 'unknown_command' } });
    const asked = () =>
      sim.commands.filter((c) => c.type === 'mobile_app/push_notification_channel');
    expect(asked()).toHaveLength(1);
    channel.resubscribe();
    expect(asked()).toHaveLength(1);

    // A new connection asks once more (Home Assistant may have been updated meanwhile).
    const back = nextConnection();
    await sim.restart({ downMs: 1 });
    await back;
    await waitFor(() => asked().length === 2, 'asked on the new connection');
    await becomes(channel, 'unavailable');
    expect(logger.lines.filter((line) => line.includes('notifications'))).toEqual([
      'info Home Assistant does not offer notifications: Unknown command. (unknown_command); not asked again on this connection',
    ]);
  });

  it('an admin-only subscription for a user who is not one: never sent, said once', async () => {
    const guest = (sim: HaSimulator) => sim.createLongLivedToken(sim.createUser('Guest').id, 'g');
    const { sim, logger, subscriptions, nextConnection } = await connected(guest);
    const calls = subscriptions.add(eventsOf('call_service', [], { needsAdmin: true }));
    const after = subscriptions.add(eventsOf('state_changed'));
    expect(await becomes(calls, 'unavailable')).toMatchObject({
      failure: { outcome: 'unavailable', code: 'needs_admin' },
    });
    await becomes(after, 'established');

    const back = nextConnection();
    await sim.restart({ downMs: 1 });
    await back;
    await becomes(after, 'established');
    expect(calls.status().state).toBe('unavailable');
    expect(sim.commands.filter((c) => c.type === 'auth/current_user')).toHaveLength(2);
    expect(
      sim.commands.some(
        (c) => (c.message as { event_type?: string }).event_type === 'call_service',
      ),
    ).toBe(false);
    expect(logger.lines.filter((line) => line.includes('call_service'))).toHaveLength(1);
  });

  it('an admin-only subscription for an administrator is established', async () => {
    const { sim, subscriptions } = await connected();
    const events: unknown[] = [];
    const calls = subscriptions.add(eventsOf('call_service', events, { needsAdmin: true }));
    await becomes(calls, 'established');
    expect(sim.eventSubscribers('call_service')).toBe(1);
  });
});

describe('the entity subscription', () => {
  it('says "connected" before the snapshot is in, and tells when it is', async () => {
    const { sim, store, supervisor, entities, nextConnection } = await connected();
    const atConnected: Array<{ snapshot: boolean; size: number }> = [];
    supervisor.onStatus((status) => {
      if (status.state === 'connected')
        atConnected.push({ snapshot: entities.hasSnapshot(), size: store.size });
    });
    const lost = nextConnection(true);
    const back = nextConnection();
    await sim.stop();
    await lost;
    expect(entities.hasSnapshot()).toBe(false);
    sim.setState('sensor.added_while_away', '1');
    await sim.start();
    await back;
    expect(atConnected).toEqual([{ snapshot: false, size: sim.states().length - 1 }]);
    await snapshotIn(entities);
    expect(store.get('sensor.added_while_away')?.state).toBe('1');
  });
});
