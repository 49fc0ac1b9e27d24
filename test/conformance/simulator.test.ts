import { afterAll, beforeAll, describe } from 'vitest';
import { startSimulator, type HaSimulator } from '../ha-sim';
import { conformanceScenarios } from './scenarios';
import { simulatorTarget } from './simulator-target';

let sim: HaSimulator;

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});

describe('conformance: simulator', () => {
  conformanceScenarios(() => simulatorTarget(sim));
});
