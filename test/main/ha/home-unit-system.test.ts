import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionSupervisor } from '../../../src/main/ha/connection-supervisor';
import { HomeUnitSystem, type ConfigConnection } from '../../../src/main/ha/home-unit-system';
import { HA_GENERATIONS, HA_RELEASE, startSimulator, type HaSimulator } from '../../ha-sim';
import { connectedSupervisor } from '../../support/connected-supervisor';
import { recordingLogger } from '../../support/test-logger';
import { waitFor } from '../../support/wait-for';

/** A connection whose `get_config` answers with `configs` in turn, and whose events tests fire. */
function fakeConnection(...configs: Array<unknown>) {
  const listeners: Array<() => void> = [];
  const left = () => configs.length;
  const conn = {
    sendMessagePromise: async () => {
      const next = configs.shift();
      if (next instanceof Error) throw next;
      return next;
    },
    subscribeEvents: async (listener: () => void) => {
      listeners.push(listener);
      return async () => undefined;
    },
  } as unknown as ConfigConnection;
  return { conn, left, configUpdated: () => listeners.forEach((listener) => listener()) };
}

const config = (temperature: unknown) => ({ unit_system: { temperature, length: 'mi' } });

describe('HomeUnitSystem', () => {
  it('reads the temperature unit of get_config', async () => {
    const units = new HomeUnitSystem(recordingLogger());
    await units.follow(fakeConnection(config('°F')).conn);
    expect(units.temperatureUnit()).toBe('°F');
  });

  it.each([
    ['an unknown unit', config('K')],
    ['a number', config(1)],
    ['no unit system', { location_name: 'Home' }],
    ['a unit system that is not an object', { unit_system: 'imperial' }],
    ['null', null],
    ['text', 'garbage'],
  ])('takes %s as not known, quietly: thermostats fall back to their limits', async (_, reply) => {
    const logger = recordingLogger();
    const units = new HomeUnitSystem(logger);
    await units.follow(fakeConnection(config('°F')).conn);
    await units.follow(fakeConnection(reply).conn);
    expect(units.temperatureUnit()).toBeUndefined();
    expect(logger.lines.join('\n')).toContain('unit system');
  });

  it('keeps what it knew when get_config fails, and says so in the log', async () => {
    const logger = recordingLogger();
    const units = new HomeUnitSystem(logger);
    const { conn, configUpdated } = fakeConnection(config('°F'), new Error('connection lost'));
    await units.follow(conn);
    configUpdated();
    await waitFor(() => logger.lines.some((line) => line.includes('connection lost')), 'the log');
    expect(units.temperatureUnit()).toBe('°F');
  });

  it('reads again when Home Assistant says its configuration changed, and tells listeners', async () => {
    const units = new HomeUnitSystem(recordingLogger());
    const seen: unknown[] = [];
    units.onChange((unit) => seen.push(unit));
    const { conn, left, configUpdated } = fakeConnection(config('°C'), config('°F'), config('°F'));
    await units.follow(conn);
    configUpdated();
    await waitFor(() => units.temperatureUnit() === '°F', 'the new unit');
    configUpdated();
    await waitFor(() => left() === 0, 'the third read');
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['°C', '°F']);
  });

  it('reads once per connection, and a late answer of an old connection changes nothing', async () => {
    const units = new HomeUnitSystem(recordingLogger());
    let answerOld: (value: unknown) => void = () => undefined;
    const old = {
      sendMessagePromise: () => new Promise((resolve) => (answerOld = resolve)),
      subscribeEvents: async () => async () => undefined,
    } as unknown as ConfigConnection;
    const reading = units.follow(old);
    const current = fakeConnection(config('°F'));
    await units.follow(current.conn);
    await units.follow(current.conn);
    answerOld(config('°C'));
    await reading;
    expect(units.temperatureUnit()).toBe('°F');
  });

  it('still reads the unit when Home Assistant refuses the event subscription', async () => {
    const logger = recordingLogger();
    const units = new HomeUnitSystem(logger);
    const conn = {
      sendMessagePromise: async () => config('°F'),
      subscribeEvents: async () => {
        throw { code: 'unauthorized', message: 'Unauthorized' };
      },
    } as unknown as ConfigConnection;
    await units.follow(conn);
    expect(units.temperatureUnit()).toBe('°F');
    await waitFor(() => logger.lines.some((line) => line.includes('Unauthorized')), 'the log');
  });
});

describe.each(HA_GENERATIONS)('HomeUnitSystem against Home Assistant %s', (generation) => {
  let sim: HaSimulator | undefined;
  let supervisor: ConnectionSupervisor | undefined;
  afterEach(async () => {
    supervisor?.dispose();
    await sim?.close();
  });

  it("follows an imperial home's unit system, and its change to metric", async () => {
    sim = await startSimulator({ haVersion: HA_RELEASE[generation], unitSystem: 'us_customary' });
    ({ supervisor } = await connectedSupervisor(sim));
    const units = new HomeUnitSystem(recordingLogger());
    await units.follow(supervisor.connection()!);
    expect(units.temperatureUnit()).toBe('°F');
    sim.setUnitSystem('metric');
    await waitFor(() => units.temperatureUnit() === '°C', 'the metric unit');
  });
});
