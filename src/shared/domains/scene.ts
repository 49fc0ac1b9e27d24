import { mdiPalette } from '@mdi/js';
import { defineDomain, planned } from './domain';
import { lastRunText } from './pressed';

export const scene = defineDomain({
  domain: 'scene',
  tray: 'run',
  primary: () => planned('scene', 'turn_on', 'Activate'),
  controls: () => [{ kind: 'primary_button' }],
  stateText: (entity) => lastRunText(entity, 'activated'),
  icon: () => mdiPalette,
});
