import type { InstancePatch } from '../../../src/shared/settings';

/**
 * What a user would have chosen in a bench home: these entities as favourites, and a rule on each
 * of the others. One instance's settings patch (`updateInstance`).
 */
export function benchChoices(favourites: string[], ruleEntities: string[]): InstancePatch {
  return {
    favourites: favourites.map((entityId) => ({ entityId })),
    rules: ruleEntities.map((entityId, i) => ({
      id: `rule${i}`,
      entityId,
      enabled: true,
      kind: 'becomes',
      states: ['on'],
      cooldownSeconds: 0,
    })),
  };
}
