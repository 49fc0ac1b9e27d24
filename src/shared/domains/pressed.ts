import { mdiGestureTapButton } from '@mdi/js';
import type { EntityView } from '../entity-view';
import { defineDomain, planned, type DomainModule } from './domain';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * Scenes and buttons have no state but the time they last ran: "Last pressed 23/11/2026, …".
 * Before the first run Home Assistant reports "unknown", which is not a state: "Not activated yet".
 */
export function lastRunText(entity: EntityView, verb: string): string | undefined {
  if (TIMESTAMP.test(entity.state))
    return `Last ${verb} ${new Date(entity.state).toLocaleString()}`;
  return entity.state === 'unknown' ? `Not ${verb} yet` : undefined;
}

/** A button to press (button, input_button). */
export function pressDomain(domain: string): DomainModule<[]> {
  return defineDomain({
    domain,
    tray: 'run',
    primary: () => planned(domain, 'press', 'Press'),
    controls: () => [{ kind: 'primary_button' }],
    stateText: (entity) => lastRunText(entity, 'pressed'),
    icon: () => mdiGestureTapButton,
  });
}
