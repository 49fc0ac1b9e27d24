import type { EntityView } from '../../shared/entity-view';
import { entityIconPath } from './entity-icon-path';

const ACTIVE = new Set([
  'on',
  'open',
  'unlocked',
  'playing',
  'heat',
  'cool',
  'auto',
  'heat_cool',
  'home',
]);

/** The entity's Home Assistant icon, coloured while it is on / open / playing. */
export function EntityIcon({ entity }: { entity: EntityView }) {
  return (
    <svg
      className={`entity-icon${ACTIVE.has(entity.state) ? ' active' : ''}`}
      viewBox="0 0 24 24"
      aria-hidden="true"
    >
      <path d={entityIconPath(entity)} />
    </svg>
  );
}
