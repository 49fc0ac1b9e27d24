/** One Home Assistant entity as the app keeps it: the shape of `get_states` items. */
export interface EntityContext {
  id: string;
  parent_id: string | null;
  user_id: string | null;
}

export interface EntityState {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  /** ISO 8601 timestamps, as Home Assistant sends them in `get_states`. */
  last_changed: string;
  last_updated: string;
  context: EntityContext;
}

/** `light.kitchen` -> `light`. */
export function domainOf(entityId: string): string {
  const dot = entityId.indexOf('.');
  return dot === -1 ? '' : entityId.slice(0, dot);
}
