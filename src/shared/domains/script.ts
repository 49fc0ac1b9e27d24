import { mdiScriptText } from '@mdi/js';
import { defineDomain, planned } from './domain';

export const script = defineDomain({
  domain: 'script',
  tray: 'run',
  primary: () => planned('script', 'turn_on', 'Run'),
  controls: () => [{ kind: 'primary_button' }],
  icon: () => mdiScriptText,
});
