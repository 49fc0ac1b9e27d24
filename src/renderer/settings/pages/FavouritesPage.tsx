import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { instanceDisplayName } from '../../../shared/app-status';
import type { EntityView } from '../../../shared/entity-view';
import { groupByFloor, hasFloors } from '../../../shared/floor-groups';
import type { Favourite, InstanceEntry } from '../../../shared/settings';
import { bridge } from '../../bridge';
import { LoadFailure } from '../../components/LoadFailure';
import { runDetached } from '../../detached';
import type { EntityList } from '../../hooks/useEntities';
import { searchEntities } from './favourite-search';
import { FEW_FAVOURITES, suggestFavourites } from './favourite-suggestions';
import { MatchingEntities } from './MatchingEntities';
import { YourFavourites } from './YourFavourites';

const SHOWN = 50;

/**
 * Where focus goes once a change is saved: the control with this `data-focus` value, else the
 * first of the fallbacks that exists (the search box last). Without it focus would fall to the
 * page body whenever the button it was on disappears (Add, Remove) or is disabled (moved to top).
 */
type FocusPlan = string[];
const SEARCH = 'search';
const focusKey = (what: 'up' | 'down' | 'remove' | 'add', instance: string, entityId: string) =>
  `${what}:${instance}:${entityId}`;

/** An entity of one of the Home Assistants, with the key of the one it is from. */
type SourcedEntity = EntityView & { instance: string };
const rowKey = (entity: SourcedEntity) => `${entity.instance} ${entity.entity_id}`;

/**
 * Choose, order and name the favourites: the user's own lists first (its buttons a few Tabs from
 * the top; one per Home Assistant where there are several), then the search to add more, through
 * every Home Assistant at once. With few favourites the page opens with suggestions where the
 * search has nothing typed: the home's lights, switches and the like, by area, one click each.
 * Every change is saved at once; a favourite whose entity is unavailable or disappeared from Home
 * Assistant stays, flagged, until the user removes it.
 */
export function FavouritesPage({
  instances,
  lists,
  listFailure = null,
  focusHeading = false,
}: {
  /** The Home Assistants, each with its favourites. */
  instances: readonly InstanceEntry[];
  /** Each one's entities by key; null while they load. */
  lists: ReadonlyMap<string, EntityView[]> | null;
  /** Why the entity list could not be read, shown where the list would be. */
  listFailure?: EntityList['failure'];
  /** Led on here by the first sign-in: the page takes the focus the Connection page had. */
  focusHeading?: boolean;
}) {
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const page = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusPlan = useRef<FocusPlan | null>(null);
  const several = instances.length > 1;
  const count = instances.reduce((sum, entry) => sum + entry.favourites.length, 0);
  // Decided as the page opens, so that adding the fifth does not swap the list under the pointer.
  const [suggesting, setSuggesting] = useState(() => count < FEW_FAVOURITES);
  // The row picked on the Connection page went with it: from the heading, a screen reader reads
  // on into the suggestions. Focus the user put elsewhere (a sidebar link) stays there.
  useEffect(() => {
    if (focusHeading && document.activeElement === document.body) heading.current?.focus();
    // Only as the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const plan = focusPlan.current;
    focusPlan.current = null;
    if (!plan) return;
    for (const key of [...plan, SEARCH]) {
      const target = page.current?.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`);
      if (target && !target.hasAttribute('disabled')) {
        target.focus();
        return;
      }
    }
  }, [instances]);
  const entities = useMemo(
    () =>
      lists === null
        ? null
        : instances.flatMap((entry) =>
            (lists.get(entry.key) ?? []).map((view) => ({ ...view, instance: entry.key })),
          ),
    [lists, instances],
  );
  const names = new Map(instances.map((entry) => [entry.key, instanceDisplayName(entry)]));
  const chosen = new Set(
    instances.flatMap((entry) => entry.favourites.map((f) => `${entry.key} ${f.entityId}`)),
  );
  const isChosen = (entity: SourcedEntity) => chosen.has(rowKey(entity));
  const { matches, total } = searchEntities(
    (entities ?? []).filter((e) => !isChosen(e)),
    query,
    SHOWN,
  );
  // Decided from the whole home, so the headings stay while a search narrows to no floor.
  const homeHasFloors = hasFloors(entities ?? []);
  const suggestions = suggestFavourites(entities ?? [], isChosen, SHOWN);
  const canSuggest = query.trim() === '' && suggestions.total > 0;
  const suggested = canSuggest && suggesting;
  const groups = groupByFloor(matches, (entity) => entity, { order: 'home', homeHasFloors });
  /** The rows in the order they are shown (by floor and area in a home with floors). */
  const shown = suggested
    ? suggestions.shown
    : groups
      ? groups.flatMap((group) => group.items)
      : matches;
  const from = several ? (entity: SourcedEntity) => names.get(entity.instance) ?? null : undefined;

  async function save(instance: string, next: Favourite[], focus?: FocusPlan) {
    focusPlan.current = focus ?? null;
    const reply = await bridge().updateInstance(instance, { favourites: next });
    if (!reply.ok) focusPlan.current = null;
    setError(reply.ok ? null : reply.error.message);
  }
  const add = (entity: SourcedEntity) => {
    const entry = instances.find((i) => i.key === entity.instance);
    if (!entry) return;
    // After Add: the next result's Add as shown (to add several in a row), else the one before.
    const index = shown.indexOf(entity);
    const neighbours = [shown[index + 1], shown[index - 1]].filter((e) => e !== undefined);
    runDetached(
      save(
        entry.key,
        [...entry.favourites, { entityId: entity.entity_id }],
        neighbours.map((e) => focusKey('add', e.instance, e.entity_id)),
      ),
      'Saving the favourites',
    );
  };
  /** How the results' rows are told apart, added, and labelled with their Home Assistant. */
  const rows = {
    onAdd: add,
    addFocus: (entity: SourcedEntity) => focusKey('add', entity.instance, entity.entity_id),
    rowKey,
    from,
  };

  return (
    <section aria-labelledby="favourites-title" className="page" ref={page}>
      <h1 id="favourites-title" ref={heading} tabIndex={-1}>
        Favourites
      </h1>
      <p className="muted">They appear in this order in the tray menu and the panel.</p>
      {homeHasFloors && (
        <p className="muted">
          In the panel and the tray menu a heading names the floor wherever it changes from one
          favourite to the next: keep a floor’s favourites together to see its name once.
        </p>
      )}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}

      <h2>Your favourites</h2>
      {count === 0 ? (
        <p className="notice">No favourites yet. Find them under “Add favourites” below.</p>
      ) : (
        instances.map((entry) => (
          <InstanceFavourites
            key={entry.key}
            entry={entry}
            name={several ? names.get(entry.key)! : null}
            entities={lists?.get(entry.key) ?? []}
            save={(next, focus) =>
              runDetached(save(entry.key, next, focus), 'Saving the favourites')
            }
          />
        ))
      )}

      <h2>Add favourites</h2>
      <div className="field">
        <label htmlFor={searchId}>Search entities</label>
        <input
          id={searchId}
          data-focus={SEARCH}
          type="search"
          placeholder={
            several
              ? 'Name, entity id, area, label or domain, in every Home Assistant'
              : 'Name, entity id, area, label or domain'
          }
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {listFailure ? (
        <LoadFailure message={listFailure.message} onRetry={listFailure.retry} />
      ) : entities === null ? (
        <p className="muted">Loading entities…</p>
      ) : entities.length === 0 ? (
        <p className="muted">No entities yet: connect to Home Assistant first.</p>
      ) : (
        <>
          {canSuggest && (
            <div className="suggestions-intro">
              {suggested && (
                <p className="muted">
                  Suggested: the lights, switches, covers, locks, thermostats and scenes of your
                  home that are not favourites yet. Search to find anything else.
                </p>
              )}
              <button
                type="button"
                className="link-button"
                onClick={() => setSuggesting((on) => !on)}
              >
                {suggested ? 'Hide suggestions' : 'Show suggestions'}
              </button>
            </div>
          )}
          {suggested ? (
            <MatchingEntities
              matches={suggestions.shown}
              groups={suggestions.groups}
              floorHeadings={homeHasFloors}
              label="Suggested favourites"
              {...rows}
            />
          ) : (
            <MatchingEntities matches={matches} groups={groups} {...rows} />
          )}
          {suggested && suggestions.total > suggestions.shown.length && (
            <p className="muted">
              {suggestions.total - suggestions.shown.length} more: search for them.
            </p>
          )}
          {!suggested && total > matches.length && (
            <p className="muted">{total - matches.length} more: narrow the search.</p>
          )}
          {total === 0 && <p className="muted">Nothing matches “{query}”.</p>}
        </>
      )}
    </section>
  );
}

/**
 * One Home Assistant's favourites in their order, moved, renamed and removed within it; under its
 * name where there are several.
 */
function InstanceFavourites({
  entry,
  name,
  entities,
  save,
}: {
  entry: InstanceEntry;
  /** Its name as a heading; null where it is the only one. */
  name: string | null;
  entities: EntityView[];
  save: (next: Favourite[], focus?: FocusPlan) => void;
}) {
  const { key, favourites } = entry;
  const byId = new Map(entities.map((e) => [e.entity_id, e]));
  /** Moves a favourite; focus stays on the button used, or its twin once that one is disabled. */
  const move = (from: number, to: number, via: 'up' | 'down' = to < from ? 'up' : 'down') => {
    if (to < 0 || to >= favourites.length || from === to) return;
    const next = [...favourites];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    const other = via === 'up' ? 'down' : 'up';
    save(next, [focusKey(via, key, item!.entityId), focusKey(other, key, item!.entityId)]);
  };
  /** After Remove: the next favourite's Remove, else the one before it, else the search box. */
  const remove = (index: number) => {
    const neighbours = [favourites[index + 1], favourites[index - 1]].filter(
      (f) => f !== undefined,
    );
    save(
      favourites.filter((_, i) => i !== index),
      neighbours.map((f) => focusKey('remove', key, f.entityId)),
    );
  };
  const rename = (index: number, label: string) => {
    const next = favourites.map((f, i) =>
      i === index ? { entityId: f.entityId, ...(label.trim() ? { label: label.trim() } : {}) } : f,
    );
    save(next);
  };
  const list = (
    <YourFavourites
      favourites={favourites}
      byId={byId}
      move={move}
      remove={remove}
      rename={rename}
      focusKey={(what, entityId) => focusKey(what, key, entityId)}
      label={name ? `Your favourites in ${name}` : undefined}
    />
  );
  if (name === null) return favourites.length === 0 ? null : list;
  return (
    <div className="instance-favourites">
      <h3>{name}</h3>
      {favourites.length === 0 ? <p className="muted">None yet.</p> : list}
    </div>
  );
}
