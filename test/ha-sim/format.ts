import type { SimState } from './states';

/** Home Assistant's isoformat(): "+00:00" rather than "Z". */
export function haTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

/** A state as `get_states`, REST and `state_changed` events carry it. */
export function stateJson(s: SimState) {
  return {
    entity_id: s.entity_id,
    state: s.state,
    attributes: s.attributes,
    last_changed: haTime(s.lastChanged),
    last_updated: haTime(s.lastUpdated),
    context: s.context,
  };
}
