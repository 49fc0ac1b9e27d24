import type { EntityService } from '../types';
import { writeState } from '../types';

const service = (name: string, description: string, run: EntityService['run']): EntityService => ({
  kind: 'entity',
  name,
  description,
  fields: [],
  run,
});

/** turn_on / turn_off / toggle for domains whose state is just on or off (switch, input_boolean). */
export function onOffServices(what: string): Record<string, EntityService> {
  return {
    turn_on: service('Turn on', `Turns a ${what} on.`, (e, call) => writeState(call, e, 'on')),
    turn_off: service('Turn off', `Turns a ${what} off.`, (e, call) => writeState(call, e, 'off')),
    toggle: service('Toggle', `Toggles a ${what} on/off.`, (e, call) =>
      writeState(call, e, e.state === 'on' ? 'off' : 'on'),
    ),
  };
}
