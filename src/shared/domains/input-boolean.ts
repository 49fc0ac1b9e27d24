import { mdiToggleSwitch, mdiToggleSwitchOffOutline } from '@mdi/js';
import { onOffDomain } from './on-off';

export const inputBoolean = onOffDomain('input_boolean', {
  on: mdiToggleSwitch,
  off: mdiToggleSwitchOffOutline,
});
