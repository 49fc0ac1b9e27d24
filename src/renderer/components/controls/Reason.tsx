import { useId } from 'react';

/** What a control says while Home Assistant has not yet confirmed the last change. */
export const PENDING_TEXT = 'Waiting for Home Assistant…';

/**
 * Why a control cannot be used right now ("Not connected to Home Assistant"), or that it is
 * waiting for Home Assistant, as a description for screen readers; `describedBy` is undefined
 * when there is nothing to say.
 */
export function useReason(state: { disabled?: boolean; reason?: string; pending?: boolean }): {
  describedBy: string | undefined;
  node: React.ReactNode;
} {
  const id = useId();
  const text = state.disabled ? state.reason : state.pending ? PENDING_TEXT : undefined;
  if (!text) return { describedBy: undefined, node: null };
  return {
    describedBy: id,
    node: (
      <span id={id} className="visually-hidden">
        {text}
      </span>
    ),
  };
}

/** The state classes every control shares: pending while waiting for Home Assistant. */
export const controlClass = (base: string, pending: boolean | undefined) =>
  pending ? `${base} pending` : base;
