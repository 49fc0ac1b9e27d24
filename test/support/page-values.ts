import type { AppStatus } from '../../src/shared/app-status';
import type { EntityView } from '../../src/shared/entity-view';
import { FIRST_INSTANCE_KEY } from '../../src/shared/settings';
import { NO_TOKEN } from './token-metadata';

/** An entity as main sends it to the pages; `last_updated` differs per state, as in Home Assistant. */
export function entityView(
  entity_id: string,
  state: string,
  attributes: Record<string, unknown> = {},
  area?: string,
): EntityView {
  return {
    entity_id,
    state,
    attributes,
    last_changed: '2026-11-23T10:00:00Z',
    last_updated: `2026-11-23T10:00:00Z#${state}`,
    ...(area ? { area } : {}),
  };
}

/** An instance's status as the pages see it: the first run's instance unless overridden. */
export function appStatus(overrides: Partial<AppStatus> = {}): AppStatus {
  return {
    key: FIRST_INSTANCE_KEY,
    name: 'Home Assistant',
    connection: { state: 'not_configured' },
    instance: null,
    token: NO_TOKEN,
    settingsNotice: null,
    startNotice: null,
    lookalike: null,
    ...overrides,
  };
}
