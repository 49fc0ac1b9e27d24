import { useCallback, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * The settings window's page, kept in the URL hash (`#/connection`) so that main can open the
 * window on a given page and the page survives a reload.
 */
export function useHashRoute<T extends string>(
  pages: readonly T[],
  fallback: T,
): [T, (page: T) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] as T;
  const page = pages.includes(name) ? name : fallback;
  const navigate = useCallback((next: T) => {
    window.location.hash = `/${next}`;
  }, []);
  return [page, navigate];
}
