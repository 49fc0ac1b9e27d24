import type { EntityContext } from '../../../src/shared/entity';
import type { SimState, StateMachine } from '../entities/state-machine';
import type { Field } from '../schema';
import type { Micros } from '../time';

/** What a service implementation gets: validated data (for entity services without the target fields) and the call's context. */
export interface ServiceCall {
  domain: string;
  service: string;
  data: Record<string, unknown>;
  context: EntityContext;
  states: StateMachine;
  now(): Micros;
  /** For scenes, scripts and automations, whose actions are service calls themselves. */
  callService(
    domain: string,
    service: string,
    data: Record<string, unknown>,
    context: EntityContext,
  ): Promise<void>;
}

export interface ServiceDescription {
  name: string;
  description: string;
}

/** A service that acts on entities of its domain (`async_register_entity_service`). */
export interface EntityService extends ServiceDescription {
  kind: 'entity';
  /** Data fields besides the target fields (entity_id, device_id, area_id). */
  fields: readonly Field[];
  /** `vol.All(check, schema)`: a check of the whole data before the fields, e.g. has_at_least_one_key. */
  precheck?: (data: Record<string, unknown>) => void;
  /** Any one of these feature sets must be fully supported; else HA skips or refuses the entity. */
  requiredFeatures?: readonly number[];
  run(entity: SimState, call: ServiceCall): void | Promise<void>;
}

/** A service with its own schema (`hass.services.async_register`). */
export interface PlainService extends ServiceDescription {
  kind: 'plain';
  /** null: any data is accepted (script services). */
  fields: readonly Field[] | null;
  /** `SupportsResponse.OPTIONAL`: may be called with `return_response`. */
  supportsResponse?: boolean;
  run(call: ServiceCall): void | Promise<void>;
}

export type ServiceDefinition = EntityService | PlainService;

export type DomainServices = Record<string, ServiceDefinition>;

/** Entity states are written with the call's context, so clients see who caused a change. */
export function writeState(
  call: ServiceCall,
  entity: SimState,
  state: string,
  attributes: Record<string, unknown> = { ...entity.attributes },
): void {
  call.states.set(entity.entity_id, state, attributes, call.context);
}

export const supportedFeatures = (entity: SimState): number =>
  typeof entity.attributes.supported_features === 'number'
    ? entity.attributes.supported_features
    : 0;
