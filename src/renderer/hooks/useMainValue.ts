import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { IpcContract } from '../../shared/ipc/contract';
import type { PayloadOf, StreamKey } from '../../shared/ipc/define';
import { eventListenerName, streamChannel, valueGetterName } from '../../shared/ipc/define';
import type { IpcError, IpcResult } from '../../shared/ipc/result';
import { bridge } from '../bridge';
import { runDetached } from '../detached';

/** A value main owns and pages show live (see `values` in src/shared/ipc/contract.ts). */
export type MainValueName = keyof IpcContract['values'] & string;
export type MainValue<K extends MainValueName> = PayloadOf<IpcContract['values'][K]>;

/**
 * Which value a page shows: an app-wide one by its name, or one instance's own (its status, its
 * token) with the instance's key. A key that is not known yet (null) reads nothing: loading.
 */
export type ValueRef = MainValueName | { name: MainValueName; instance: string | null };

/** Loading (both null), loaded (`value`), or failed to load (`error`, with its sentence). */
export interface MainValueState<T> {
  value: T | null;
  error: IpcError | null;
}

interface Entry {
  key: StreamKey<MainValueName>;
  state: MainValueState<unknown>;
  listeners: Set<() => void>;
  off: () => void;
  /** Only the newest load's answer counts. */
  loads: number;
}

const LOADING: MainValueState<never> = { value: null, error: null };

/**
 * One entry per value (and instance) for the whole page, however many components show it: one
 * read, one subscription, and one state that the loading message and its "Try again" share.
 */
const entries = new Map<string, Entry>();

const entryId = (key: StreamKey) => streamChannel(key);

function streamKey(name: MainValueName, instance: string | undefined): StreamKey<MainValueName> {
  return instance === undefined ? { stream: name } : { stream: name, instance };
}

function update(entry: Entry, state: MainValueState<unknown>): void {
  entry.state = state;
  entry.listeners.forEach((listener) => listener());
}

function load(entry: Entry): void {
  const load = ++entry.loads;
  const { stream, instance } = entry.key;
  const get = bridge()[valueGetterName(stream)] as (
    instance?: string,
  ) => Promise<IpcResult<unknown>>;
  runDetached(
    get(instance).then((result) => {
      // A changed event that came first is newer than this answer.
      if (entries.get(entryId(entry.key)) !== entry) return;
      if (load !== entry.loads || entry.state.value !== null) return;
      update(
        entry,
        result.ok ? { value: result.value, error: null } : { value: null, error: result.error },
      );
    }),
    `Loading ${stream}`,
  );
}

function open(key: StreamKey<MainValueName>): Entry {
  const entry: Entry = {
    key,
    state: LOADING,
    listeners: new Set(),
    off: () => undefined,
    loads: 0,
  };
  entries.set(entryId(key), entry);
  const follow = bridge()[eventListenerName(key.stream)] as (
    listener: (value: unknown) => void,
    instance?: string,
  ) => () => void;
  // Subscribed before the read, so no change between the two is missed.
  entry.off = follow((value) => update(entry, { value, error: null }), key.instance);
  load(entry);
  return entry;
}

function subscribe(key: StreamKey<MainValueName>, listener: () => void): () => void {
  const entry = entries.get(entryId(key)) ?? open(key);
  entry.listeners.add(listener);
  return () => {
    entry.listeners.delete(listener);
    if (entry.listeners.size > 0) return;
    entry.off();
    entries.delete(entryId(key));
  };
}

const snapshotOf = (key: StreamKey) => entries.get(entryId(key))?.state ?? LOADING;

/** Reads a value that failed to load again ("Try again"). */
export function retryMainValue(name: MainValueName, instance?: string): void {
  const entry = entries.get(entryId(streamKey(name, instance)));
  if (!entry?.state.error) return;
  update(entry, LOADING);
  load(entry);
}

/** The name and instance of a value reference (undefined: app-wide; null: not known yet). */
export function refParts(ref: ValueRef): { name: MainValueName; instance?: string | null } {
  return typeof ref === 'string' ? { name: ref } : ref;
}

/**
 * A value main owns, with whether it is still loading or why it failed. An instance's own value
 * takes its key; while the key is null (not known yet) it is loading and nothing is read.
 */
export function useMainValueState<K extends MainValueName>(
  name: K,
  instance?: string | null,
): MainValueState<MainValue<K>> {
  const follow = useCallback(
    (listener: () => void) =>
      instance === null ? () => undefined : subscribe(streamKey(name, instance), listener),
    [name, instance],
  );
  const snapshot = () => (instance === null ? LOADING : snapshotOf(streamKey(name, instance)));
  return useSyncExternalStore(follow, snapshot) as MainValueState<MainValue<K>>;
}

/**
 * A value main owns, read once and kept live by its changed event: null until it has loaded.
 * A page shows why a load failed with `LoadingValues` (src/renderer/components/LoadingValues.tsx).
 */
export function useMainValue<K extends MainValueName>(
  name: K,
  instance?: string | null,
): MainValue<K> | null {
  return useMainValueState(name, instance).value;
}

/**
 * One instance value of each of these instances, in their order (a panel of several Home
 * Assistants shows each one's status): one subscription per instance, shared like any other.
 */
export function useInstanceValues<K extends MainValueName>(
  name: K,
  instances: readonly string[],
): MainValueState<MainValue<K>>[] {
  const joined = instances.join('\n');
  const follow = useCallback(
    (listener: () => void) => {
      const offs = (joined === '' ? [] : joined.split('\n')).map((instance) =>
        subscribe(streamKey(name, instance), listener),
      );
      return () => offs.forEach((off) => off());
    },
    [name, joined],
  );
  // The same array while no state changed, as useSyncExternalStore needs.
  const last = useRef<MainValueState<unknown>[]>([]);
  const snapshot = () => {
    const states = instances.map((instance) => snapshotOf(streamKey(name, instance)));
    const same =
      states.length === last.current.length && states.every((s, i) => s === last.current[i]);
    if (!same) last.current = states;
    return last.current;
  };
  return useSyncExternalStore(follow, snapshot) as MainValueState<MainValue<K>>[];
}
