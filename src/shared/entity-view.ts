import type { EntityState } from './entity';

/** An entity as pages see it: its state without the change context, plus its area's name. */
export type EntityView = Omit<EntityState, 'context'> & { area?: string };

export function toEntityView(
  { entity_id, state, attributes, last_changed, last_updated }: EntityState,
  area?: string,
): EntityView {
  return { entity_id, state, attributes, last_changed, last_updated, ...(area ? { area } : {}) };
}
