import { mdiShieldHome, mdiShieldOff } from '@mdi/js';
import { defineDomain, type EntityFacts } from './domain';

function headline(facts: EntityFacts, _old: string, state: string): string | undefined {
  const { name } = facts;
  if (state.startsWith('armed_'))
    return `${name} armed (${state.slice('armed_'.length).replaceAll('_', ' ')})`;
  const sentences: Record<string, string> = {
    disarmed: `${name} disarmed`,
    triggered: `${name} was triggered`,
    arming: `${name} is arming`,
    pending: `${name} is about to trigger`,
  };
  return sentences[state];
}

/** Shown and notified; HA Tray does not arm or disarm (that needs a code). */
export const alarmControlPanel = defineDomain({
  domain: 'alarm_control_panel',
  tray: 'history',
  controls: () => [],
  headline,
  icon: (entity) => (entity.state === 'disarmed' ? mdiShieldOff : mdiShieldHome),
});
