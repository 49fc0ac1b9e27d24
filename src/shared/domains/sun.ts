import { mdiWhiteBalanceSunny } from '@mdi/js';
import { defineDomain } from './domain';

export const sun = defineDomain({
  domain: 'sun',
  tray: 'history',
  controls: () => [],
  stateWord: (state) => ({ above_horizon: 'Above horizon', below_horizon: 'Below horizon' })[state],
  icon: () => mdiWhiteBalanceSunny,
});
