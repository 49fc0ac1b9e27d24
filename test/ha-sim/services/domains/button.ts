import { haTime } from '../../time';
import { writeState, type EntityService } from '../types';

/** `button.press`: a button's state is the time it was last pressed. */
export function buttonServices(): Record<string, EntityService> {
  return {
    press: {
      kind: 'entity',
      name: 'Press',
      description: 'Press the button entity.',
      fields: [],
      run: (button, call) => writeState(call, button, haTime(call.now())),
    },
  };
}
