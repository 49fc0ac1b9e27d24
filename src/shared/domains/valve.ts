import { mdiValveClosed, mdiValveOpen } from '@mdi/js';
import { defineDomain } from './domain';
import { OPENABLE_WORDS, openableHeadline } from './openable';

/** Shown and notified like a cover; HA Tray does not control valves. */
export const valve = defineDomain({
  domain: 'valve',
  tray: 'history',
  controls: () => [],
  stateWord: (state) => OPENABLE_WORDS[state],
  headline: openableHeadline,
  ruleStates: ['open', 'closed', 'opening', 'closing'],
  icon: (entity) => (entity.state === 'closed' ? mdiValveClosed : mdiValveOpen),
});
