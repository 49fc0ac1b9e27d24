import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionSupervisor } from '../../../src/main/ha/connection-supervisor';
import { runEntityAction, type EntityActionDeps } from '../../../src/main/ha/entity-actions';
import { HA_RELEASE, startSimulator, type HaSimulator } from '../../ha-sim';
import { connectedSupervisor } from '../../support/connected-supervisor';
import { waitFor } from '../../support/wait-for';

let sim: HaSimulator;
let supervisor: ConnectionSupervisor;
let deps: EntityActionDeps;
/** A state diff that makes the store believe the garage door takes a position. */
const claimsPosition = { c: { 'cover.garage_door': { '+': { a: { supported_features: 15 } } } } };

beforeEach(async () => {
  sim = await startSimulator();
  const connected = await connectedSupervisor(sim);
  supervisor = connected.supervisor;
  const store = connected.store;
  // The app's own action timeout: an answer that is only slow on a busy machine is still awaited.
  deps = { store, connection: () => supervisor.connection() };
});
afterEach(async () => {
  await supervisor.dispose();
  await sim.close();
});

describe('runEntityAction against the simulator', () => {
  it('runs the primary action and the store follows', async () => {
    await runEntityAction(deps, 'light.kitchen', { kind: 'primary' });
    expect(sim.getState('light.kitchen')!.state).toBe('off');
    await waitFor(() => deps.store.get('light.kitchen')?.state === 'off', 'store update');
    await runEntityAction(deps, 'light.bedroom', { kind: 'set_brightness', percent: 20 });
    expect(sim.getState('light.bedroom')!.attributes.brightness).toBe(51);
  });

  it('refuses to unlock without confirmation, and unlocks with it', async () => {
    await expect(
      runEntityAction(deps, 'lock.front_door', { kind: 'primary' }),
    ).rejects.toMatchObject({
      message: 'Unlock Front door?',
      reason: 'confirmation_required',
    });
    expect(sim.getState('lock.front_door')!.state).toBe('locked');
    await runEntityAction(deps, 'lock.front_door', { kind: 'primary' }, { confirmed: true });
    expect(sim.getState('lock.front_door')!.state).toBe('unlocked');
  });

  it("shows Home Assistant's own error message as it is", async () => {
    // The garage door has no position, but the app's copy says it has (as after a change in Home
    // Assistant it has not heard of yet), so the call goes out and Home Assistant refuses it in its
    // own words. Without that copy the shared action code refuses first (test/shared/domains).
    deps.store.apply(claimsPosition);
    await expect(
      runEntityAction(
        deps,
        'cover.garage_door',
        { kind: 'set_position', position: 50 },
        { confirmed: true },
      ),
    ).rejects.toMatchObject({
      reason: 'home_assistant_error',
      message: 'Entity cover.garage_door does not support this service.',
    });
  });

  it('says a call cut off by a disconnect may or may not have run, and does not retry it', async () => {
    sim.setResponseDelay(200);
    const call = runEntityAction(deps, 'switch.coffee_machine', {
      kind: 'primary',
    });
    // Caught at once: the rejection arrives while the test is still restarting the server.
    const outcome = call.then(
      () => null,
      (error: unknown) => error,
    );
    await waitFor(() => sim.serviceCalls.length === 1, 'call received');
    await sim.restart({ downMs: 1 });
    await expect(outcome).resolves.toMatchObject({
      reason: 'connection_lost',
      message: expect.stringContaining('may or may not have run'),
    });
    await waitFor(() => supervisor.getStatus().state === 'connected', 'reconnected');
    expect(sim.serviceCalls).toHaveLength(1);
  });

  it('times out when Home Assistant does not answer', async () => {
    // No answer ever comes: the timeout firing is the event this test waits for.
    sim.setHalfOpen(true);
    await expect(
      runEntityAction({ ...deps, timeoutMs: 100 }, 'switch.coffee_machine', { kind: 'primary' }),
    ).rejects.toMatchObject({ reason: 'timeout' });
  });

  it('explains missing entities, read-only entities and a missing connection', async () => {
    await expect(runEntityAction(deps, 'light.nowhere', { kind: 'primary' })).rejects.toMatchObject(
      { reason: 'missing' },
    );
    await expect(
      runEntityAction(deps, 'sensor.office_co2', { kind: 'primary' }),
    ).rejects.toMatchObject({ reason: 'unsupported' });
    await expect(
      runEntityAction({ ...deps, connection: () => null }, 'light.kitchen', { kind: 'primary' }),
    ).rejects.toMatchObject({ reason: 'not_connected' });
  });
});

describe('runEntityAction against Home Assistant 2026.2', () => {
  it("shows Home Assistant's own validation message (service_validation_error) as it is", async () => {
    const sim2026 = await startSimulator({ haVersion: HA_RELEASE['2026.2'] });
    const connected = await connectedSupervisor(sim2026);
    const deps2026 = {
      store: connected.store,
      connection: () => connected.supervisor.connection(),
    };
    try {
      connected.store.apply(claimsPosition);
      await expect(
        runEntityAction(
          deps2026,
          'cover.garage_door',
          { kind: 'set_position', position: 50 },
          { confirmed: true },
        ),
      ).rejects.toMatchObject({
        reason: 'service_validation_error',
        message:
          'Validation error: Entity cover.garage_door does not support action cover.set_cover_position',
      });
      // Within the thermostat's own limits the app keeps the value in range itself...
      await runEntityAction(deps2026, 'climate.living_room', {
        kind: 'set_temperature',
        temperature: 40,
      });
      expect(sim2026.getState('climate.living_room')!.attributes.temperature).toBe(35);
      // ...and where its copy of the limits is stale, Home Assistant's own words reach the user.
      connected.store.apply({ c: { 'climate.living_room': { '+': { a: { max_temp: 45 } } } } });
      await expect(
        runEntityAction(deps2026, 'climate.living_room', {
          kind: 'set_temperature',
          temperature: 40,
        }),
      ).rejects.toMatchObject({
        reason: 'service_validation_error',
        message: expect.stringContaining('Accepted range is 7.0 to 35.0'),
      });
    } finally {
      await connected.supervisor.dispose();
      await sim2026.close();
    }
  });
});
