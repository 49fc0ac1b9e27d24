import type { Connection } from 'home-assistant-js-websocket';
import { callService } from 'home-assistant-js-websocket';
import type { EntityAction } from '../../shared/domains/registry';
import { planAction } from '../../shared/domains/registry';
import { UserFacingError } from '../../shared/user-facing-error';
import type { EntityStore } from './entity-store';
import { notConnected } from './ha-transport';
import { isConnectionLost } from './subscription-failure';

export interface EntityActionDeps {
  store: EntityStore;
  connection: () => Connection | null;
  timeoutMs?: number;
}

/**
 * How long an action waits for Home Assistant's answer before it fails with a sentence. The
 * panel shows the control as pending meanwhile, so this is how long a user watches it wait.
 */
export const ACTION_TIMEOUT_MS = 5_000;

const MAYBE_RAN = 'it may or may not have run. Check its state before trying again.';

/** Home Assistant's error for a failed call, in words for the user (its own message where it has one). */
export function describeServiceError(error: unknown, what: string): UserFacingError {
  if (isConnectionLost(error)) {
    return new UserFacingError(
      `The connection to Home Assistant dropped before it answered: ${MAYBE_RAN}`,
      'connection_lost',
    );
  }
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' && message.trim() !== '' ? message : undefined;
  switch (code) {
    case 'service_validation_error':
    case 'home_assistant_error':
      return new UserFacingError(text ?? `Home Assistant could not ${what}.`, String(code));
    case 'not_found':
      return new UserFacingError(
        `Home Assistant has no such action (${text ?? 'not found'}).`,
        'not_found',
      );
    case 'invalid_format':
      return new UserFacingError(
        `Home Assistant refused the values: ${text ?? 'invalid format'}.`,
        'invalid_format',
      );
    case 'unauthorized':
      return new UserFacingError(
        'Your Home Assistant user is not allowed to do this.',
        'unauthorized',
      );
    default:
      return new UserFacingError(
        `Home Assistant could not ${what}${text ? `: ${text}` : '.'}`,
        'failed',
      );
  }
}

/**
 * Runs an action through the domain action table. A call is never retried: if the connection
 * drops or the answer is late, the service may already have run.
 */
export async function runEntityAction(
  deps: EntityActionDeps,
  entityId: string,
  action: EntityAction,
  options: { confirmed?: boolean } = {},
): Promise<void> {
  const entity = deps.store.get(entityId);
  if (!entity)
    throw new UserFacingError(`Home Assistant has no ${entityId} (any more).`, 'missing');
  const result = planAction(entity, action);
  if (!result.ok) throw new UserFacingError(result.error, 'unsupported');
  const { plan } = result;
  if (plan.confirm && !options.confirmed)
    throw new UserFacingError(plan.confirm, 'confirmation_required');
  const conn = deps.connection();
  if (!conn) throw notConnected();

  const timeoutMs = deps.timeoutMs ?? ACTION_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new UserFacingError(
            `Home Assistant did not answer within ${Math.round(timeoutMs / 1000)} s: ${MAYBE_RAN}`,
            'timeout',
          ),
        ),
      timeoutMs,
    );
  });
  const what = `${plan.label.replace('…', '').toLowerCase()} ${String(entity.attributes.friendly_name ?? entityId)}`;
  try {
    await Promise.race([
      callService(conn, plan.domain, plan.service, plan.data, { entity_id: entityId }),
      timeout,
    ]);
  } catch (error) {
    throw error instanceof UserFacingError ? error : describeServiceError(error, what);
  } finally {
    clearTimeout(timer);
  }
}
