import { mdiRobot } from '@mdi/js';
import { onOffDomain } from './on-off';

export const automation = onOffDomain('automation', { on: mdiRobot, off: mdiRobot });
