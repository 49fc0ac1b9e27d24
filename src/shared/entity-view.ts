import type { EntityState } from './entity';

/** An entity as pages see it: its state without the change context. */
export type EntityView = Omit<EntityState, 'context'>;

export function toEntityView({
  entity_id,
  state,
  attributes,
  last_changed,
  last_updated,
}: EntityState): EntityView {
  return { entity_id, state, attributes, last_changed, last_updated };
}
