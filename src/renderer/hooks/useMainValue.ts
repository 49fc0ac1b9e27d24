import { useCallback, useSyncExternalStore } from 'react';
import type { IpcContract } from '../../shared/ipc/contract';
import type { PayloadOf } from '../../shared/ipc/define';
import { eventListenerName, valueGetterName } from '../../shared/ipc/define';
import type { IpcError, IpcResult } from '../../shared/ipc/result';
import { bridge } from '../bridge';
import { runDetached } from '../detached';

/** A value main owns and pages show live (see `values` in src/shared/ipc/contract.ts). */
export type MainValueName = keyof IpcContract['values'] & string;
export type MainValue<K extends MainValueName> = PayloadOf<IpcContract['values'][K]>;

/** Loading (both null), loaded (`value`), or failed to load (`error`, with its sentence). */
export interface MainValueState<T> {
  value: T | null;
  error: IpcError | null;
}

interface Entry {
  state: MainValueState<unknown>;
  listeners: Set<() => void>;
  off: () => void;
  /** Only the newest load's answer counts. */
  loads: number;
}

const LOADING: MainValueState<never> = { value: null, error: null };

/**
 * One entry per value for the whole page, however many components show it: one read, one
 * subscription, and one state that the loading message and its "Try again" share.
 */
const entries = new Map<MainValueName, Entry>();

function update(entry: Entry, state: MainValueState<unknown>): void {
  entry.state = state;
  entry.listeners.forEach((listener) => listener());
}

function load(name: MainValueName, entry: Entry): void {
  const load = ++entry.loads;
  const get = bridge()[valueGetterName(name)] as () => Promise<IpcResult<unknown>>;
  runDetached(
    get().then((result) => {
      // A changed event that came first is newer than this answer.
      if (entries.get(name) !== entry || load !== entry.loads || entry.state.value !== null) return;
      update(
        entry,
        result.ok ? { value: result.value, error: null } : { value: null, error: result.error },
      );
    }),
    `Loading ${name}`,
  );
}

function open(name: MainValueName): Entry {
  const entry: Entry = { state: LOADING, listeners: new Set(), off: () => undefined, loads: 0 };
  entries.set(name, entry);
  const follow = bridge()[eventListenerName(name)] as (
    listener: (value: unknown) => void,
  ) => () => void;
  // Subscribed before the read, so no change between the two is missed.
  entry.off = follow((value) => update(entry, { value, error: null }));
  load(name, entry);
  return entry;
}

function subscribe(name: MainValueName, listener: () => void): () => void {
  const entry = entries.get(name) ?? open(name);
  entry.listeners.add(listener);
  return () => {
    entry.listeners.delete(listener);
    if (entry.listeners.size > 0) return;
    entry.off();
    entries.delete(name);
  };
}

/** Reads a value that failed to load again ("Try again"). */
export function retryMainValue(name: MainValueName): void {
  const entry = entries.get(name);
  if (!entry?.state.error) return;
  update(entry, LOADING);
  load(name, entry);
}

/** A value main owns, with whether it is still loading or why it failed. */
export function useMainValueState<K extends MainValueName>(name: K): MainValueState<MainValue<K>> {
  const follow = useCallback((listener: () => void) => subscribe(name, listener), [name]);
  const snapshot = () => entries.get(name)?.state ?? LOADING;
  return useSyncExternalStore(follow, snapshot) as MainValueState<MainValue<K>>;
}

/**
 * A value main owns, read once and kept live by its changed event: null until it has loaded.
 * A page shows why a load failed with `LoadingValues` (src/renderer/components/LoadingValues.tsx).
 */
export function useMainValue<K extends MainValueName>(name: K): MainValue<K> | null {
  return useMainValueState(name).value;
}
