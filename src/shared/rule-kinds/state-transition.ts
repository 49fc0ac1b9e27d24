import { isPlaceholderState } from '../placeholder-state';

export interface StateTransition {
  /** The state before, as Home Assistant reported it. */
  raw: string;
  /**
   * The state the change is measured from: `raw`, or the last real state when `raw` is
   * unavailable/unknown; undefined when no real state was seen yet (nothing to compare with).
   */
  from: string | undefined;
  to: string;
}

export function stateTransition(
  raw: string,
  to: string,
  lastRealState: string | undefined,
): StateTransition {
  const from = isPlaceholderState(to) || !isPlaceholderState(raw) ? raw : lastRealState;
  return { raw, from, to };
}
