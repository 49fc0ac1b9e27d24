import { startSimulator, type HaSimulator } from '../ha-sim';
import type { ConformanceTarget } from './target';

const slug = (name: string) => name.toLowerCase().replace(/\W+/g, '_');

/** The simulator as a conformance target, changed the way real Home Assistant would change. */
export function simulatorTarget(sim: HaSimulator): ConformanceTarget {
  return {
    name: `simulator ${sim.haVersion}`,
    generation: sim.generation,
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
    createUser: async (name) => ({
      token: sim.createLongLivedToken(sim.createUser(name).id, `${name} tests`),
    }),
    addHelper: async (name) => {
      const entityId = `input_boolean.${slug(name)}`;
      // The attributes a helper made in the UI has in Home Assistant 2024.1 and 2026.2.
      sim.setState(entityId, 'off', { editable: true, friendly_name: name });
      return { entityId, remove: async () => sim.removeEntity(entityId) };
    },
    updateRegistry: async (command) => {
      if (command.type === 'config/entity_registry/update')
        sim.registries.updateEntity(command.entity_id, { area_id: command.area_id });
      else sim.registries.updateArea(command.area_id, { name: command.name });
    },
    startBanning: async (threshold) => {
      const banning = await startSimulator({ banThreshold: threshold, haVersion: sim.haVersion });
      return { url: banning.url, token: banning.token, close: () => banning.close() };
    },
  };
}
