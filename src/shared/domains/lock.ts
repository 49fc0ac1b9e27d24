import { mdiLock, mdiLockOpenVariant } from '@mdi/js';
import { defineDomain, planned } from './domain';
import { OPENABLE_WORDS, openableHeadline } from './openable';

export const lock = defineDomain({
  domain: 'lock',
  tray: 'primary',
  primary: (entity, name) =>
    entity.state === 'locked'
      ? planned('lock', 'unlock', 'Unlock…', {}, `Unlock ${name}?`)
      : planned('lock', 'lock', 'Lock'),
  controls: () => [{ kind: 'primary_button' }],
  stateWord: (state) => OPENABLE_WORDS[state],
  headline: openableHeadline,
  ruleStates: ['locked', 'unlocked', 'jammed'],
  icon: (entity) => (entity.state === 'locked' ? mdiLock : mdiLockOpenVariant),
});
