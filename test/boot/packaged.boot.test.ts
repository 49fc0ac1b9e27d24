import { inject } from 'vitest';
import { describeBoot } from './boot-suite';

describeBoot('built main, installed (app.asar extracted, app.isPackaged)', () => ({
  kind: 'packaged',
  resources: inject('packagedResources'),
}));
