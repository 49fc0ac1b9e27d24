import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Input, SearchField } from 'react-aria-components';
import { instanceDisplayName, type AppStatus } from '../../shared/app-status';
import type { EntityAction } from '../../shared/domains/registry';
import type { EntityView } from '../../shared/entity-view';
import { NOT_FOUND } from '../../shared/entity-view';
import { groupByFloor } from '../../shared/floor-groups';
import type { Favourite, Settings } from '../../shared/settings';
import { friendlyName, stateText } from '../../shared/state-text';
import { bridge } from '../bridge';
import type { RovingSection } from '../components/controls/RovingList';
import { focusRovingList, RovingList } from '../components/controls/RovingList';
import { LoadingValues } from '../components/LoadingValues';
import { StatusLine } from '../components/StatusLine';
import { runDetached } from '../detached';
import { useInstanceValues, type ValueRef } from '../hooks/useMainValue';
import { useNow } from '../hooks/useNow';
import { useSettings } from '../hooks/useSettings';
import { FavouriteRow } from './FavouriteRow';
import { MissingRow } from './MissingRow';

/** Why the controls are disabled while not connected, read out with each control. */
const NOT_CONNECTED = 'Not connected to Home Assistant';

/** What a row says without its entity: still loading, or gone from Home Assistant. */
const missingText = (loaded: boolean) => (loaded ? NOT_FOUND : 'Loading…');

/** Above this many favourites the panel offers a filter box. */
export const FILTER_FROM = 11;

/** A favourite of one of the Home Assistants, with its entity while that instance has it. */
interface PanelItem {
  instance: string;
  favourite: Favourite;
  entity: EntityView | undefined;
  /** Whether that instance's favourites have been read (else a missing entity is loading). */
  loaded: boolean;
  /** Its instance is not connected: the row keeps its last-known state, its controls disabled. */
  stale: boolean;
}

const itemKey = (item: PanelItem) => `${item.instance} ${item.favourite.entityId}`;

/** The favourites whose name (label or friendly name), id or area has every typed word. */
function matches({ favourite, entity }: PanelItem, query: string): boolean {
  const text = [favourite.label, entity && friendlyName(entity), favourite.entityId, entity?.area]
    .filter(Boolean)
    .join(' ')
    .toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .every((word) => text.includes(word));
}

const rowLabel = ({ favourite, entity, loaded }: PanelItem) =>
  entity
    ? `${favourite.label ?? friendlyName(entity)}: ${stateText(entity)}`
    : `${favourite.label ?? favourite.entityId}: ${missingText(loaded)}`;

/**
 * Space on a row does what its main control does (the switch, or the button such as "Play" or
 * "Unlock…"), through that control, so that its pending state and confirm step apply. Enter on
 * a row is kept for opening its detail view (RovingList's `onOpen`), which the panel has not yet.
 */
const activatePrimary = (_item: PanelItem, row: HTMLElement) =>
  row.querySelector<HTMLElement>('[role="switch"], [data-primary]')?.click();

const rowClass = ({ entity }: PanelItem) =>
  !entity
    ? 'favourite missing'
    : entity.state === 'unavailable'
      ? 'favourite unavailable'
      : 'favourite';

/**
 * Where the panel starts when focus is nowhere in particular (it just opened or reappeared): the
 * first favourite, or the one thing to do when there is none ("Connect to Home Assistant").
 */
function focusStart(panel: HTMLElement | null): void {
  if (document.activeElement && document.activeElement !== document.body) return;
  panel?.querySelector<HTMLElement>('li.favourite, .panel-empty .button')?.focus();
}

/** Each instance's favourites with their entities, in the user's order of instances. */
function panelItems(
  settings: Settings | null,
  views: readonly (EntityView[] | null)[],
  statuses: readonly (AppStatus | null)[],
): PanelItem[] {
  return (settings?.instances ?? []).flatMap((entry, i) => {
    const byId = new Map((views[i] ?? []).map((e) => [e.entity_id, e]));
    const state = statuses[i]?.connection.state;
    const stale = state !== undefined && state !== 'connected';
    return entry.favourites.map((favourite) => ({
      instance: entry.key,
      favourite,
      entity: byId.get(favourite.entityId),
      loaded: views[i] !== null && views[i] !== undefined,
      stale,
    }));
  });
}

/**
 * The list's sections: with one Home Assistant its floors (wherever the floor changes); with
 * several, one section per Home Assistant, headed by its name and connection, its floors inside.
 */
function panelSections(
  items: readonly PanelItem[],
  settings: Settings | null,
  statuses: readonly (AppStatus | null)[],
  now: number,
): RovingSection<PanelItem>[] | null {
  const floors = (list: readonly PanelItem[]) =>
    groupByFloor(list, (item) => item.entity, { order: 'kept' });
  const entries = settings?.instances ?? [];
  if (entries.length < 2) return floors(items);
  return entries.flatMap((entry, i) => {
    const own = items.filter((item) => item.instance === entry.key);
    if (own.length === 0) return [];
    const status = statuses[i];
    return [
      {
        key: entry.key,
        // Its name as main words it, which knows the location name as soon as it connects.
        heading: status?.name ?? instanceDisplayName(entry),
        items: own,
        aside: status ? <StatusLine status={status.connection} now={now} brief /> : undefined,
        sections: floors(own),
      },
    ];
  });
}

/** The tray popover: the favourites with live state and controls, fully keyboard-driven. */
export function PanelApp() {
  const settings = useSettings();
  const keys = settings?.instances.map((entry) => entry.key) ?? [];
  const statusStates = useInstanceValues('status', keys);
  const viewStates = useInstanceValues('favouriteEntities', keys);
  const statuses = statusStates.map((state) => state.value);
  const views = viewStates.map((state) => state.value);
  const several = keys.length > 1;
  // With one Home Assistant the panel is about it: its name and connection head the panel.
  const status = several ? null : (statuses[0] ?? null);
  const now = useNow();
  const panel = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const listBox = useRef<HTMLFieldSetElement>(null);
  const saved = panelItems(settings, views, statuses);
  const filtering = saved.length >= FILTER_FROM;
  const favourites =
    filtering && query.trim() !== '' ? saved.filter((item) => matches(item, query.trim())) : saved;
  // In the user's order, with the floor's name wherever it changes (a home with floors); with
  // several Home Assistants, each one's favourites under its name first.
  const sections = panelSections(favourites, settings, statuses, now);
  const reasonId = useId();
  const connections = statuses.map((s) => s?.connection.state ?? '').join();
  // While not connected the rows keep their last-known state, dimmed, and their controls are
  // disabled with the reason (one line above the list, and its description).
  const stale = saved.length > 0 && saved.every((item) => item.stale);
  const someStale = saved.some((item) => item.stale);
  const rowCount = views.some((v) => v === null) ? 0 : saved.length;
  const loaded = settings !== null;
  const unset =
    statuses.length > 0 && statuses.every((s) => s?.connection.state === 'not_configured');

  // The panel opens with focus on the first favourite, and again each time it is shown.
  useEffect(() => {
    focusStart(panel.current);
    const onShown = () => focusStart(panel.current);
    window.addEventListener('focus', onShown);
    return () => window.removeEventListener('focus', onShown);
  }, [rowCount, connections, loaded]);

  const act = async (
    instance: string,
    entityId: string,
    action: EntityAction,
    confirmed?: boolean,
  ) => {
    const reply = await bridge().actOnEntity(instance, {
      entityId,
      action,
      ...(confirmed ? { confirmed } : {}),
    });
    return reply.ok ? null : reply.error.message;
  };

  const remove = ({ instance, favourite }: PanelItem) => {
    const entry = settings?.instances.find((i) => i.key === instance);
    if (!entry) return;
    runDetached(
      bridge().updateInstance(instance, {
        favourites: entry.favourites.filter((f) => f.entityId !== favourite.entityId),
      }),
      'Removing a favourite',
    );
  };

  // Escape closes the panel - unless a control inside (a slider, a confirm step) already used it.
  // The list moves between favourites with the arrows (RovingList).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') runDetached(bridge().closePanel(), 'Closing the panel');
  };

  const needs: ValueRef[] = [
    'settings',
    ...keys.flatMap((instance) => [
      { name: 'status' as const, instance },
      { name: 'favouriteEntities' as const, instance },
    ]),
  ];
  const firstKey = keys[0];

  return (
    <div className="panel" ref={panel} onKeyDown={onKeyDown}>
      <header className="panel-header">
        <div>
          <h1>{several ? 'Favourites' : (status?.name ?? 'Home Assistant')}</h1>
          {/* Before the first connection the panel's body says what is needed. */}
          {status && status.connection.state !== 'not_configured' && (
            <StatusLine status={status.connection} now={now} brief />
          )}
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label="Settings"
          onClick={() => runDetached(bridge().openSettings('connection'), 'Opening the settings')}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M12,15.5A3.5,3.5 0 0,1 8.5,12A3.5,3.5 0 0,1 12,8.5A3.5,3.5 0 0,1 15.5,12A3.5,3.5 0 0,1 12,15.5M19.43,12.97C19.47,12.65 19.5,12.33 19.5,12C19.5,11.67 19.47,11.34 19.43,11L21.54,9.37C21.73,9.22 21.78,8.95 21.66,8.73L19.66,5.27C19.54,5.05 19.27,4.96 19.05,5.05L16.56,6.05C16.04,5.66 15.5,5.32 14.87,5.07L14.5,2.42C14.46,2.18 14.25,2 14,2H10C9.75,2 9.54,2.18 9.5,2.42L9.13,5.07C8.5,5.32 7.96,5.66 7.44,6.05L4.95,5.05C4.73,4.96 4.46,5.05 4.34,5.27L2.34,8.73C2.21,8.95 2.27,9.22 2.46,9.37L4.57,11C4.53,11.34 4.5,11.67 4.5,12C4.5,12.33 4.53,12.65 4.57,12.97L2.46,14.63C2.27,14.78 2.21,15.05 2.34,15.27L4.34,18.73C4.46,18.95 4.73,19.03 4.95,18.95L7.44,17.94C7.96,18.34 8.5,18.68 9.13,18.93L9.5,21.58C9.54,21.82 9.75,22 10,22H14C14.25,22 14.46,21.82 14.5,21.58L14.87,18.93C15.5,18.67 16.04,18.34 16.56,17.94L19.05,18.95C19.27,19.03 19.54,18.95 19.66,18.73L21.66,15.27C21.78,15.05 21.73,14.78 21.54,14.63L19.43,12.97Z" />
          </svg>
        </button>
      </header>
      <LoadingValues names={needs} quiet />
      {unset ? (
        <main className="panel-empty">
          <p>
            To show your favourites here, HA Tray needs the address of your Home Assistant and a
            long-lived access token from your profile there.
          </p>
          <button
            type="button"
            className="button primary"
            onClick={() =>
              runDetached(bridge().openSettings('connection', firstKey), 'Opening the settings')
            }
          >
            Connect to Home Assistant
          </button>
        </main>
      ) : settings && saved.length === 0 ? (
        <main className="panel-empty">
          <p>No favourites yet</p>
          <button
            type="button"
            className="button primary"
            onClick={() => runDetached(bridge().openSettings('favourites'), 'Opening the settings')}
          >
            Choose favourites
          </button>
        </main>
      ) : (
        // While the controls are disabled nothing in the list takes focus, so the scrolling
        // region itself does: keyboard users can still scroll through the last known states.
        <main className="panel-main" tabIndex={stale ? 0 : undefined}>
          {filtering && (
            <SearchField
              className="panel-filter"
              aria-label="Filter favourites"
              value={query}
              onChange={setQuery}
            >
              <Input
                placeholder="Filter favourites"
                onKeyDown={(event) => {
                  if (event.key === 'ArrowDown' && focusRovingList(listBox.current))
                    event.preventDefault();
                }}
              />
            </SearchField>
          )}
          {favourites.length === 0 && (
            <p className="panel-reason" role="status">
              No favourite matches “{query.trim()}”.
            </p>
          )}
          {someStale && (
            <p className="panel-reason" id={reasonId}>
              {stale
                ? 'Not connected: these are the last known states. The controls come back when HA Tray reconnects.'
                : 'Where a Home Assistant is not connected, its favourites show their last known states until HA Tray reconnects.'}
            </p>
          )}
          <fieldset
            ref={listBox}
            className="favourites-box"
            disabled={stale}
            aria-describedby={stale ? reasonId : undefined}
          >
            <legend className="visually-hidden">Favourites</legend>
            <RovingList
              label="Favourites"
              className={stale ? 'favourites favourites-stale' : 'favourites'}
              items={favourites}
              sections={sections}
              itemKey={itemKey}
              itemLabel={rowLabel}
              itemClassName={(item) =>
                item.stale && !stale ? `${rowClass(item)} stale` : rowClass(item)
              }
              onActivate={activatePrimary}
              renderItem={(item) => {
                const { favourite, entity } = item;
                if (!entity) {
                  return (
                    <MissingRow
                      entityId={favourite.entityId}
                      label={favourite.label}
                      loaded={item.loaded}
                      onRemove={() => remove(item)}
                    />
                  );
                }
                return (
                  <FavouriteRow
                    entity={entity}
                    label={favourite.label}
                    act={(action, confirmed) =>
                      act(item.instance, favourite.entityId, action, confirmed)
                    }
                    disabled={item.stale}
                    reason={item.stale ? NOT_CONNECTED : undefined}
                  />
                );
              }}
            />
          </fieldset>
        </main>
      )}
    </div>
  );
}
