import { describeBoot } from './boot-suite';

describeBoot('built main, run from source (out/)', () => ({ kind: 'development' }));
