import { mdiToggleSwitch, mdiToggleSwitchOffOutline } from '@mdi/js';
import { onOffDomain } from './on-off';

export const switchDomain = onOffDomain('switch', {
  on: mdiToggleSwitch,
  off: mdiToggleSwitchOffOutline,
});
