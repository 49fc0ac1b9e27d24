import { mdiAirHumidifier, mdiAirHumidifierOff } from '@mdi/js';
import { onOffDomain } from './on-off';

export const humidifier = onOffDomain('humidifier', {
  on: mdiAirHumidifier,
  off: mdiAirHumidifierOff,
});
