import { useCallback, useSyncExternalStore } from 'react';
import type { SettingsPage } from '../../shared/ipc/contract';
import { parseSettingsHash, settingsHash, type SettingsRoute } from '../../shared/settings-route';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * The settings window's place, kept in the URL hash (`#/token/<key>`, see
 * src/shared/settings-route.ts) so that main can open the window on a page of an instance and the
 * page survives a reload. `navigate` without an instance keeps the one shown.
 */
export function useSettingsRoute(
  fallback: SettingsPage,
): [SettingsRoute, (page: SettingsPage, instance?: string | null) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const route = parseSettingsHash(hash, fallback);
  const navigate = useCallback(
    (page: SettingsPage, instance?: string | null) => {
      const shown = parseSettingsHash(window.location.hash, fallback).instance;
      window.location.hash = settingsHash(page, instance === undefined ? shown : instance);
    },
    [fallback],
  );
  return [route, navigate];
}
