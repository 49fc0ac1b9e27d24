import { afterAll, beforeAll, describe } from 'vitest';
import { HA_GENERATIONS, HA_RELEASE, startSimulator, type HaSimulator } from '../ha-sim';
import { conformanceScenarios } from './scenarios';
import { simulatorTarget } from './simulator-target';

for (const generation of HA_GENERATIONS) {
  describe(`conformance: simulator as Home Assistant ${HA_RELEASE[generation]}`, () => {
    let sim: HaSimulator;
    beforeAll(async () => {
      sim = await startSimulator({ haVersion: HA_RELEASE[generation] });
    });
    afterAll(async () => {
      await sim.close();
    });
    conformanceScenarios(() => simulatorTarget(sim), generation);
  });
}
