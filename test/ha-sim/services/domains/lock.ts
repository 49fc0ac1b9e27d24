import { cvString } from '../../schema';
import { writeState, type EntityService } from '../types';

/** LockEntityFeature.OPEN. */
const OPEN = 1;

const code = [{ key: 'code', validate: cvString }];

export function lockServices(): Record<string, EntityService> {
  return {
    lock: {
      kind: 'entity',
      name: 'Lock',
      description: 'Locks a lock.',
      fields: code,
      run: (l, call) => writeState(call, l, 'locked'),
    },
    unlock: {
      kind: 'entity',
      name: 'Unlock',
      description: 'Unlocks a lock.',
      fields: code,
      run: (l, call) => writeState(call, l, 'unlocked'),
    },
    open: {
      kind: 'entity',
      name: 'Open',
      description: 'Opens a lock.',
      fields: code,
      requiredFeatures: [OPEN],
      run: (l, call) => writeState(call, l, 'unlocked'),
    },
  };
}
