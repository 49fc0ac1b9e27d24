import { mdiAccount } from '@mdi/js';
import { defineDomain, type DomainModule, type EntityFacts } from './domain';

/** "Anna arrived home", "Anna left Work". */
function headline(facts: EntityFacts, oldState: string, state: string): string {
  const { name } = facts;
  if (state === 'home') return `${name} arrived home`;
  if (state !== 'not_home') return `${name} arrived at ${state}`;
  const leftZone = oldState !== 'home' && oldState !== 'unavailable' && oldState !== 'unknown';
  return leftZone ? `${name} left ${oldState}` : `${name} left home`;
}

/** Something that is home, away or in a zone (person, device_tracker). */
export function whereaboutsDomain(domain: string): DomainModule<[]> {
  return defineDomain({
    domain,
    tray: 'history',
    controls: () => [],
    stateWord: (state) => ({ home: 'Home', not_home: 'Away' })[state],
    headline,
    ruleStates: ['home', 'not_home'],
    icon: () => mdiAccount,
  });
}
