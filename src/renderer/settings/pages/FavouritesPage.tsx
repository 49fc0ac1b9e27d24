import { useId, useState, type DragEvent } from 'react';
import type { EntityView } from '../../../shared/entity-view';
import type { Favourite } from '../../../shared/settings';
import { friendlyName, stateText } from '../../../shared/state-text';
import { bridge } from '../../bridge';
import { EntityIcon } from '../../components/EntityIcon';
import { searchEntities } from './favourite-search';
import { runDetached } from '../../detached';

const SHOWN = 50;

/**
 * Choose, order and name the favourites. Every change is saved at once; a favourite whose
 * entity disappeared from Home Assistant stays, flagged, until the user removes it.
 */
export function FavouritesPage({
  favourites,
  entities,
}: {
  favourites: Favourite[];
  entities: EntityView[] | null;
}) {
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const chosen = new Set(favourites.map((f) => f.entityId));
  const byId = new Map((entities ?? []).map((e) => [e.entity_id, e]));
  const { matches, total } = searchEntities(
    (entities ?? []).filter((e) => !chosen.has(e.entity_id)),
    query,
    SHOWN,
  );

  async function save(next: Favourite[]) {
    const reply = await bridge().updateSettings({ favourites: next });
    setError(reply.ok ? null : reply.error.message);
  }
  const move = (from: number, to: number) => {
    if (to < 0 || to >= favourites.length || from === to) return;
    const next = [...favourites];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    runDetached(save(next), 'Saving');
  };
  const rename = (index: number, label: string) => {
    const next = favourites.map((f, i) =>
      i === index ? { entityId: f.entityId, ...(label.trim() ? { label: label.trim() } : {}) } : f,
    );
    runDetached(save(next), 'Saving');
  };

  return (
    <section aria-labelledby="favourites-title" className="page">
      <h1 id="favourites-title">Favourites</h1>
      <p className="muted">They appear in this order in the tray menu and the panel.</p>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}

      {favourites.length === 0 ? (
        <p className="notice">No favourites yet. Add some from the list below.</p>
      ) : (
        <ol className="favourite-list" aria-label="Your favourites">
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
                    {entity ? (
                      `${favourite.entityId} · ${stateText(entity)}`
                    ) : (
                      <strong className="missing-flag">Not in Home Assistant any more</strong>
                    )}
                  </span>
                </div>
                <div className="favourite-control">
                  <button
                    type="button"
                    className="button small"
                    aria-label={`Move ${name} up`}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button small"
                    aria-label={`Move ${name} down`}
                    disabled={index === favourites.length - 1}
                    onClick={() => move(index, index + 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button small danger"
                    aria-label={`Remove ${name}`}
                    onClick={() =>
                      runDetached(save(favourites.filter((_, i) => i !== index)), 'Saving')
                    }
                  >
                    Remove
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}

      <h2>Add</h2>
      <div className="field">
        <label htmlFor={searchId}>Search entities</label>
        <input
          id={searchId}
          type="search"
          placeholder="Name, entity id, area or domain"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {entities === null ? (
        <p className="muted">Loading entities…</p>
      ) : entities.length === 0 ? (
        <p className="muted">No entities yet: connect to Home Assistant first.</p>
      ) : (
        <>
          <ul className="entity-results" aria-label="Matching entities">
            {matches.map((entity) => (
              <li key={entity.entity_id} className="favourite-item">
                <EntityIcon entity={entity} />
                <div className="favourite-text">
                  <span className="favourite-name">{friendlyName(entity)}</span>
                  <span className="favourite-state">
                    {entity.entity_id}
                    {entity.area ? ` · ${entity.area}` : ''}
                  </span>
                </div>
                <button
                  type="button"
                  className="button small"
                  aria-label={`Add ${friendlyName(entity)}`}
                  onClick={() =>
                    runDetached(save([...favourites, { entityId: entity.entity_id }]), 'Saving')
                  }
                >
                  Add
                </button>
              </li>
            ))}
          </ul>
          {total > matches.length && (
            <p className="muted">{total - matches.length} more: narrow the search.</p>
          )}
          {total === 0 && <p className="muted">Nothing matches “{query}”.</p>}
        </>
      )}
    </section>
  );
}
