/**
 * States that say Home Assistant does not know the real state. An entity passes through them
 * whenever Home Assistant or an integration restarts, so a change is measured against the last
 * real state: "closed -> unavailable -> closed" is no change, "closed -> unavailable -> open" is
 * the door opening. Only rules that name one of these states react to entering or leaving it.
 */
const PLACEHOLDER_STATES: ReadonlySet<string> = new Set(['unavailable', 'unknown']);

export function isPlaceholderState(state: string): boolean {
  return PLACEHOLDER_STATES.has(state);
}
