/**
 * The props every control takes, so that a row can wire any of them the same way: the value
 * Home Assistant last reported, one commit per user choice, and the honest states.
 */
export interface ControlProps<T> {
  /** The accessible name, e.g. "Kitchen lights brightness". */
  label: string;
  /** The value Home Assistant last reported. */
  value: T;
  /** Called once per choice the user makes (for sliders and steppers: when they let go). */
  onCommit: (value: T) => void;
  disabled?: boolean;
  /** Why it is disabled ("Not connected to Home Assistant"), read out with the control. */
  reason?: string;
  /** Waiting for Home Assistant to confirm the last change: shown, and described as waiting. */
  pending?: boolean;
}
