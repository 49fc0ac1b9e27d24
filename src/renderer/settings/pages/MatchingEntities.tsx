import { useId } from 'react';
import type { EntityView } from '../../../shared/entity-view';
import type { FloorGroup } from '../../../shared/floor-groups';
import { friendlyName } from '../../../shared/state-text';
import { EntityIcon } from '../../components/EntityIcon';
import { entityLines } from './entity-line';

interface Props {
  /** The results in the order the search gives them: shown as they are without `groups`. */
  matches: EntityView[];
  /** The same results by floor and area (a home with floors), or null. */
  groups: FloorGroup<EntityView>[] | null;
  onAdd: (entity: EntityView) => void;
  /** The `data-focus` of an entity's Add button, where focus goes after a change. */
  addFocus: (entity: EntityView) => string;
}

const LABEL = 'Matching entities';

/**
 * The search's results with an Add button each. In a home with floors they sit under a heading per
 * floor and one per area (real headings, so a screen reader can move between them; each area's
 * list is named by its heading). Each row says what the entity is and where, as
 * src/renderer/settings/pages/entity-line.ts words it.
 */
export function MatchingEntities({ matches, groups, onAdd, addFocus }: Props) {
  const headingId = useId();
  // Under headings a row leaves out the place they say.
  const lines = entityLines(matches, { withPlace: !groups });
  const lineOf = new Map(matches.map((entity, i) => [entity.entity_id, lines[i]!]));
  const row = (entity: EntityView) => (
    <li key={entity.entity_id} className="favourite-item">
      <EntityIcon entity={entity} />
      <div className="favourite-text">
        <span className="favourite-name">{friendlyName(entity)}</span>
        <span className="favourite-state">{lineOf.get(entity.entity_id)}</span>
      </div>
      <button
        type="button"
        className="button small"
        aria-label={`Add ${friendlyName(entity)}`}
        data-focus={addFocus(entity)}
        onClick={() => onAdd(entity)}
      >
        Add
      </button>
    </li>
  );

  if (!groups) {
    return (
      <ul className="entity-results" aria-label={LABEL}>
        {matches.map((entity) => row(entity))}
      </ul>
    );
  }
  return (
    <div className="entity-results grouped" role="group" aria-label={LABEL}>
      {groups.map((floor, f) => (
        <div key={floor.key} className="result-floor">
          <h3 className="result-floor-heading">{floor.heading}</h3>
          {floor.areas.map((area, a) => {
            const id = `${headingId}-${f}-${a}`;
            return (
              <div key={area.key} className="result-area">
                <h4 id={id} className="result-area-heading">
                  {area.heading}
                </h4>
                <ul aria-labelledby={id}>{area.items.map((entity) => row(entity))}</ul>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
