import { mdiFan, mdiFanOff } from '@mdi/js';
import { onOffDomain } from './on-off';

export const fan = onOffDomain('fan', { on: mdiFan, off: mdiFanOff });
