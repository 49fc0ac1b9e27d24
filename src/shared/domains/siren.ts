import { mdiBullhorn, mdiBullhornOutline } from '@mdi/js';
import { onOffDomain } from './on-off';

export const siren = onOffDomain('siren', { on: mdiBullhorn, off: mdiBullhornOutline });
