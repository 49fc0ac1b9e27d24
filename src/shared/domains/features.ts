import type { EntityState } from '../entity';

/**
 * Whether an entity says it supports a feature: Home Assistant's `supported_features` bit mask
 * (ClimateEntityFeature, CoverEntityFeature, FanEntityFeature...). Since 2024.8 it refuses a call
 * the entity does not support with a `service_validation_error`; hiding the control and refusing
 * the plan here keeps the user from meeting that error at all (docs/ha-protocol.md).
 */
export function hasFeature(entity: Pick<EntityState, 'attributes'>, bit: number): boolean {
  return (Number(entity.attributes.supported_features) & bit) !== 0;
}
