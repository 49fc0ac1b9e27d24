import { useId } from 'react';
import type { EntityView } from '../../../shared/entity-view';
import type { FloorGroup } from '../../../shared/floor-groups';
import { friendlyName } from '../../../shared/state-text';
import { EntityIcon } from '../../components/EntityIcon';
import { entityLines } from './entity-line';

interface Props<T extends EntityView> {
  /** The results in the order the search gives them: shown as they are without `groups`. */
  matches: T[];
  /** The same results by floor and area (a home with floors), or null. */
  groups: FloorGroup<T>[] | null;
  onAdd: (entity: T) => void;
  /** The `data-focus` of an entity's Add button, where focus goes after a change. */
  addFocus: (entity: T) => string;
  /** A unique key per row (the entity id, unless several Home Assistants are listed). */
  rowKey?: (entity: T) => string;
  /** The Home Assistant an entity is from, where several are listed: a small label on its row. */
  from?: (entity: T) => string | null;
  /** The list's name for a screen reader. */
  label?: string;
  /** False in a home without floors: the areas' headings only, one level up. */
  floorHeadings?: boolean;
}

/**
 * The search's results (or the suggestions) with an Add button each. In a home with floors they sit
 * under a heading per floor and one per area (real headings, so a screen reader can move between them; each area's
 * list is named by its heading). Each row says what the entity is and where, as
 * src/renderer/settings/pages/entity-line.ts words it.
 */
export function MatchingEntities<T extends EntityView>({
  matches,
  groups,
  onAdd,
  addFocus,
  rowKey = (entity) => entity.entity_id,
  from = () => null,
  label = 'Matching entities',
  floorHeadings = true,
}: Props<T>) {
  const headingId = useId();
  // Under headings a row leaves out the place they say.
  const lines = entityLines(matches, { withPlace: !groups });
  const lineOf = new Map(matches.map((entity, i) => [rowKey(entity), lines[i]!]));
  const row = (entity: T) => {
    const instance = from(entity);
    return (
      <li key={rowKey(entity)} className="favourite-item">
        <EntityIcon entity={entity} />
        <div className="favourite-text">
          <span className="favourite-name">
            {friendlyName(entity)}
            {instance && <span className="instance-label">{instance}</span>}
          </span>
          <span className="favourite-state">{lineOf.get(rowKey(entity))}</span>
        </div>
        <button
          type="button"
          className="button small"
          aria-label={`Add ${friendlyName(entity)}${instance ? ` (${instance})` : ''}`}
          data-focus={addFocus(entity)}
          onClick={() => onAdd(entity)}
        >
          Add
        </button>
      </li>
    );
  };

  if (!groups) {
    return (
      <ul className="entity-results" aria-label={label}>
        {matches.map((entity) => row(entity))}
      </ul>
    );
  }
  const AreaHeading = floorHeadings ? 'h4' : 'h3';
  return (
    <div className="entity-results grouped" role="group" aria-label={label}>
      {groups.map((floor, f) => (
        <div key={floor.key} className="result-floor">
          {floorHeadings && <h3 className="result-floor-heading">{floor.heading}</h3>}
          {floor.areas.map((area, a) => {
            const id = `${headingId}-${f}-${a}`;
            return (
              <div key={area.key} className="result-area">
                <AreaHeading id={id} className="result-area-heading">
                  {area.heading}
                </AreaHeading>
                <ul aria-labelledby={id}>{area.items.map((entity) => row(entity))}</ul>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
