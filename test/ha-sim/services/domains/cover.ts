import type { SimState } from '../../entities/state-machine';
import { all, coerce, range } from '../../schema';
import { writeState, type EntityService, type ServiceCall } from '../types';

/** CoverEntityFeature. */
const OPEN = 1;
const CLOSE = 2;
const SET_POSITION = 4;
const STOP = 8;

/** Covers move at once: a position of 0 is closed, anything else open. */
function moveTo(cover: SimState, call: ServiceCall, position: number): void {
  const attributes = { ...cover.attributes };
  if ('current_position' in attributes) attributes.current_position = position;
  writeState(call, cover, position > 0 ? 'open' : 'closed', attributes);
}

const entityService = (
  name: string,
  description: string,
  requiredFeatures: number[],
  run: EntityService['run'],
  fields: EntityService['fields'] = [],
): EntityService => ({ kind: 'entity', name, description, fields, requiredFeatures, run });

export function coverServices(): Record<string, EntityService> {
  return {
    open_cover: entityService('Open', 'Opens a cover.', [OPEN], (c, call) => moveTo(c, call, 100)),
    close_cover: entityService('Close', 'Closes a cover.', [CLOSE], (c, call) =>
      moveTo(c, call, 0),
    ),
    stop_cover: entityService('Stop', 'Stops the cover movement.', [STOP], () => undefined),
    toggle: entityService('Toggle', 'Toggles a cover open/closed.', [OPEN | CLOSE], (c, call) =>
      moveTo(c, call, c.state === 'closed' ? 100 : 0),
    ),
    set_cover_position: entityService(
      'Set position',
      'Moves a cover to a specific position.',
      [SET_POSITION],
      (c, call) => moveTo(c, call, call.data.position as number),
      [{ key: 'position', validate: all(coerce('int'), range(0, 100)), required: true }],
    ),
  };
}
