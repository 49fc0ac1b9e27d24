import { afterAll, beforeAll, describe } from 'vitest';
import { startSimulator, type HaSimulator } from '../ha-sim';
import { conformanceScenarios } from './scenarios';

let sim: HaSimulator;

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});

describe('conformance: simulator', () => {
  conformanceScenarios(() => ({
    name: 'simulator',
    url: sim.url,
    token: sim.token,
    restart: async () => {
      // Real Home Assistant resets helpers with an `initial` value on restart: do the same.
      await sim.stop();
      sim.setState('light.kitchen', 'on', {
        ...sim.getState('light.kitchen')!.attributes,
        brightness: 255,
        color_mode: 'brightness',
      });
      await sim.start();
    },
  }));
});
