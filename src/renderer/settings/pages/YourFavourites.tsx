import { useState, type DragEvent } from 'react';
import type { EntityView } from '../../../shared/entity-view';
import { NOT_FOUND } from '../../../shared/entity-view';
import type { Favourite } from '../../../shared/settings';
import { friendlyName, stateText } from '../../../shared/state-text';
import { EntityIcon } from '../../components/EntityIcon';
import { entityLines } from './entity-line';

interface Props {
  favourites: readonly Favourite[];
  byId: ReadonlyMap<string, EntityView>;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
  rename: (index: number, label: string) => void;
  /** The `data-focus` of a favourite's buttons, where focus goes after a change. */
  focusKey: (what: 'up' | 'down' | 'remove', entityId: string) => string;
  /** The list's name: one Home Assistant's, where there are several. */
  label?: string;
}

/**
 * The user's favourites in their order: each named (its own label, editable), said what and where
 * it is, with its state; moved with ↑ ↓, Alt+arrows or a drag; removed, also once unavailable or
 * gone from Home Assistant.
 */
export function YourFavourites({
  favourites,
  byId,
  move,
  remove,
  rename,
  focusKey,
  label = 'Your favourites',
}: Props) {
  const [dragging, setDragging] = useState<number | null>(null);
  const known = favourites.flatMap((favourite) => {
    const entity = byId.get(favourite.entityId);
    return entity ? [{ favourite, entity }] : [];
  });
  const lines = entityLines(
    known.map(({ entity }) => entity),
    {
      withPlace: true,
      names: known.map(({ favourite, entity }) => favourite.label ?? friendlyName(entity)),
    },
  );
  const lineOf = new Map(known.map(({ entity }, i) => [entity.entity_id, lines[i]!]));

  return (
    <ol className="favourite-list" aria-label={label}>
      {favourites.map((favourite, index) => {
        const entity = byId.get(favourite.entityId);
        const name = entity ? friendlyName(entity) : favourite.entityId;
        return (
          <li
            key={favourite.entityId}
            className={`favourite-item${dragging === index ? ' dragging' : ''}`}
            draggable
            onDragStart={(e: DragEvent) => {
              setDragging(index);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== null) move(dragging, index);
              setDragging(null);
            }}
            onDragEnd={() => setDragging(null)}
            onKeyDown={(e) => {
              if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                e.preventDefault();
                move(index, index + (e.key === 'ArrowUp' ? -1 : 1));
              }
            }}
          >
            <span className="drag-handle" aria-hidden="true">
              ⋮⋮
            </span>
            {entity ? <EntityIcon entity={entity} /> : <span className="entity-icon" />}
            <div className="favourite-text">
              <input
                aria-label={`Label for ${name}`}
                defaultValue={favourite.label ?? ''}
                placeholder={name}
                maxLength={80}
                onBlur={(e) => {
                  if ((favourite.label ?? '') !== e.target.value.trim())
                    rename(index, e.target.value);
                }}
              />
              <span className="favourite-state">
                {!entity ? (
                  <strong className="missing-flag">{NOT_FOUND}</strong>
                ) : entity.state === 'unavailable' ? (
                  <>
                    {lineOf.get(entity.entity_id)} ·{' '}
                    <strong className="missing-flag">{stateText(entity)}</strong>
                  </>
                ) : (
                  `${lineOf.get(entity.entity_id)} · ${stateText(entity)}`
                )}
              </span>
            </div>
            <div className="favourite-control">
              <button
                type="button"
                className="button small"
                aria-label={`Move ${name} up`}
                data-focus={focusKey('up', favourite.entityId)}
                disabled={index === 0}
                onClick={() => move(index, index - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="button small"
                aria-label={`Move ${name} down`}
                data-focus={focusKey('down', favourite.entityId)}
                disabled={index === favourites.length - 1}
                onClick={() => move(index, index + 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="button small danger"
                aria-label={`Remove ${name}`}
                data-focus={focusKey('remove', favourite.entityId)}
                onClick={() => remove(index)}
              >
                Remove
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
