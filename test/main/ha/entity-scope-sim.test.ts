import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionSupervisor } from '../../../src/main/ha/connection-supervisor';
import { ALL_ENTITIES, entityScope } from '../../../src/main/ha/entity-scope';
import type { StoreUpdate } from '../../../src/main/ha/entity-store';
import { openConnection } from '../../../src/main/ha/verify-token';
import { checkLiveness } from '../../../src/main/ha/liveness';
import { normaliseInstanceUrl } from '../../../src/shared/instance-url';
import { HA_GENERATIONS, HA_RELEASE, startSimulator, type HaSimulator } from '../../ha-sim';
import { fastRetry } from '../../support/fast-retry';
import { supervisedStore } from '../../support/supervised-store';
import { waitFor } from '../../support/wait-for';

const WATCHED = ['light.kitchen', 'sensor.living_room_temperature'];
const sims: HaSimulator[] = [];
const supervisors: ConnectionSupervisor[] = [];

afterEach(async () => {
  supervisors.splice(0).forEach((m) => m.dispose());
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

async function setup(
  haVersion: string,
  transport?: ConstructorParameters<typeof ConnectionSupervisor>[0]['transport'],
) {
  const sim = await startSimulator({ haVersion });
  sims.push(sim);
  const { store, logger, supervisor, entities } = supervisedStore({
    retry: fastRetry(5, 20),
    transport,
  });
  supervisors.push(supervisor);
  const instance = normaliseInstanceUrl(sim.url);
  if (!instance.ok) throw new Error(instance.error);
  return {
    sim,
    store,
    logger,
    supervisor,
    entities,
    connect: () => supervisor.setCredentials({ instance: instance.value, token: sim.token }),
  };
}

describe.each(HA_GENERATIONS)('the entity scope against Home Assistant %s', (generation) => {
  it('subscribes only to watched entities, widens and narrows without a change to them', async () => {
    const { sim, store, entities, connect } = await setup(HA_RELEASE[generation]);
    entities.setScope(entityScope(WATCHED, false));
    connect();
    await waitFor(() => store.size === WATCHED.length, 'the narrow snapshot');
    expect(
      store
        .all()
        .map((s) => s.entity_id)
        .sort(),
    ).toEqual(WATCHED);

    const kitchenCalls: unknown[] = [];
    store.subscribe('light.kitchen', (state) => kitchenCalls.push(state?.state));
    const updates: StoreUpdate[] = [];
    store.onUpdate((update) => updates.push(update));

    entities.setScope(ALL_ENTITIES);
    await waitFor(() => store.size === sim.states().length, 'the wide snapshot');
    entities.setScope(entityScope(WATCHED, false));
    await waitFor(() => store.size === WATCHED.length, 'narrow again');
    // Nothing the app watches changed: no per-entity call (tray, rules), only snapshots.
    expect(kitchenCalls).toEqual([]);
    expect(updates.every((u) => u.snapshot)).toBe(true);
    expect(updates.flatMap((u) => u.changes).some((c) => WATCHED.includes(c.entityId))).toBe(false);

    sim.setState('light.hallway', 'on');
    sim.setState('light.kitchen', 'off');
    await waitFor(() => kitchenCalls.length > 0, 'the kitchen light change');
    // Exactly once: the old subscription was ended, and the unwatched light never came.
    expect(kitchenCalls).toEqual(['off']);
    expect(store.get('light.hallway')).toBeUndefined();
  });
});

describe('a Home Assistant that refuses entity_ids', () => {
  it('falls back quietly to every entity', async () => {
    const refusing: ConstructorParameters<typeof ConnectionSupervisor>[0]['transport'] = {
      async open(credentials, options) {
        const opened = await openConnection(credentials.instance, credentials.token, options);
        const subscribe = opened.conn.subscribeMessage.bind(opened.conn);
        opened.conn.subscribeMessage = ((callback, message, opts) =>
          'entity_ids' in message
            ? Promise.reject({ code: 'invalid_format', message: 'Message incorrectly formatted.' })
            : subscribe(callback, message, opts)) as typeof subscribe;
        return opened;
      },
      checkLiveness: (instance, timeoutMs) => checkLiveness(instance.wsUrl, timeoutMs),
    };
    const { sim, store, logger, entities, connect } = await setup(HA_RELEASE['2024.1'], refusing);
    entities.setScope(entityScope(WATCHED, false));
    connect();
    await waitFor(() => store.size === sim.states().length, 'every entity');
    expect(logger.lines.filter((l) => l.startsWith('warn'))).toEqual([]);
    expect(logger.lines).toContain(
      'info Home Assistant refused the entities as asked (Message incorrectly formatted.); asking for less',
    );
  });
});
