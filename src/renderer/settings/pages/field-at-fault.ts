import type { ProbeFailureReason } from '../../../shared/probe';

/** The Connection page's fields a failed test can be about. */
export type ConnectionField = 'url' | 'token';

const TOKEN_REASONS: readonly ProbeFailureReason[] = [
  'invalid_token',
  'token_scope',
  'unauthorized',
];
/** Home Assistant answered but is busy, or has banned this computer: nothing typed is wrong. */
const NO_FIELD_REASONS: readonly ProbeFailureReason[] = ['banned', 'starting'];

/**
 * The field whose value made the test fail, where the page shows the reason and sends focus;
 * null when no field is at fault. Everything else is about reaching the address.
 */
export function fieldAtFault(reason: ProbeFailureReason): ConnectionField | null {
  if (TOKEN_REASONS.includes(reason)) return 'token';
  if (NO_FIELD_REASONS.includes(reason)) return null;
  return 'url';
}
