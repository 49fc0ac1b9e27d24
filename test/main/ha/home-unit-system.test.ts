import type { MessageBase } from 'home-assistant-js-websocket';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionSupervisor } from '../../../src/main/ha/connection-supervisor';
import { HomeUnitSystem } from '../../../src/main/ha/home-unit-system';
import { SubscriptionLayer } from '../../../src/main/ha/subscription-layer';
import { HA_GENERATIONS, HA_RELEASE, startSimulator, type HaSimulator } from '../../ha-sim';
import { connectedSupervisor } from '../../support/connected-supervisor';
import {
  eventsOf,
  FakeConnectionSource,
  FakeHaConnection,
  settle,
  type Refusal,
} from '../../support/fake-ha-connection';
import { recordingLogger } from '../../support/test-logger';
import { waitFor } from '../../support/wait-for';

const config = (temperature: unknown) => ({ unit_system: { temperature, length: 'mi' } });
const configUpdated = eventsOf('core_config_updated');

/** A connection whose `get_config` answers with `configs` in turn. */
function configConnection(configs: unknown[], refuse?: (message: MessageBase) => Refusal) {
  return new FakeHaConnection({
    refuse,
    answer: () => {
      const next = configs.shift();
      if (next instanceof Error) throw next;
      return next;
    },
  });
}

/** The unit system on a layer whose connections the test gives. */
function unitsOnLayer() {
  const logger = recordingLogger();
  const source = new FakeConnectionSource();
  const units = new HomeUnitSystem(logger, new SubscriptionLayer(logger, source));
  return { logger, units, connect: (conn: FakeHaConnection) => source.connect(conn) };
}

describe('HomeUnitSystem', () => {
  it('reads the temperature unit of get_config', async () => {
    const { units, connect } = unitsOnLayer();
    connect(configConnection([config('°F')]));
    await settle();
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
    const { units, logger, connect } = unitsOnLayer();
    connect(configConnection([config('°F')]));
    await settle();
    connect(configConnection([reply]));
    await settle();
    expect(units.temperatureUnit()).toBeUndefined();
    expect(logger.lines.join('\n')).toContain('unit system');
  });

  it('keeps what it knew when get_config fails, and says so in the log', async () => {
    const { units, logger, connect } = unitsOnLayer();
    const conn = configConnection([config('°F'), new Error('connection lost')]);
    connect(conn);
    await settle();
    conn.fire(configUpdated);
    await settle();
    expect(logger.lines.some((line) => line.includes('connection lost'))).toBe(true);
    expect(units.temperatureUnit()).toBe('°F');
  });

  it('reads again when Home Assistant says its configuration changed, and tells listeners', async () => {
    const { units, connect } = unitsOnLayer();
    const seen: unknown[] = [];
    units.onChange((unit) => seen.push(unit));
    const conn = configConnection([config('°C'), config('°F'), config('°F')]);
    connect(conn);
    await settle();
    conn.fire(configUpdated);
    await settle();
    conn.fire(configUpdated);
    await settle();
    expect(conn.sent.filter((m) => m.type === 'get_config')).toHaveLength(3);
    expect(seen).toEqual(['°C', '°F']);
  });

  it('reads once per connection, and a late answer of an old connection changes nothing', async () => {
    const { units, connect } = unitsOnLayer();
    let answerOld: (value: unknown) => void = () => undefined;
    const old = new FakeHaConnection({
      answer: () => new Promise((resolve) => (answerOld = resolve)),
    });
    connect(old);
    const current = configConnection([config('°F')]);
    connect(current);
    await settle();
    answerOld(config('°C'));
    await settle();
    expect(units.temperatureUnit()).toBe('°F');
    expect(current.sent.filter((m) => m.type === 'get_config')).toHaveLength(1);
  });

  it('still reads the unit when Home Assistant refuses the event subscription', async () => {
    const { units, logger, connect } = unitsOnLayer();
    connect(
      configConnection([config('°F')], () => ({ code: 'unauthorized', message: 'Unauthorized' })),
    );
    await settle();
    expect(units.temperatureUnit()).toBe('°F');
    expect(logger.lines.some((line) => line.includes('Unauthorized'))).toBe(true);
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
    const connected = await connectedSupervisor(sim);
    supervisor = connected.supervisor;
    // Added to a live connection: subscribed and read at once.
    const units = new HomeUnitSystem(recordingLogger(), connected.subscriptions);
    await waitFor(() => units.temperatureUnit() === '°F', 'the imperial unit');
    sim.setUnitSystem('metric');
    await waitFor(() => units.temperatureUnit() === '°C', 'the metric unit');
  });
});
