import { useState } from 'react';
import { LoadFailure } from '../components/LoadFailure';
import { LoadingValues } from '../components/LoadingValues';
import { useAppStatus } from '../hooks/useAppStatus';
import { useDesktopStatus } from '../hooks/useDesktopStatus';
import { useEntities } from '../hooks/useEntities';
import { useEntityListOpen } from '../hooks/useEntityListOpen';
import { useHashRoute } from '../hooks/useHashRoute';
import type { MainValueName } from '../hooks/useMainValue';
import { useSettings } from '../hooks/useSettings';
import { useTokenStatus } from '../hooks/useTokenStatus';
import { AboutPage } from './pages/AboutPage';
import { ConnectionPage } from './pages/ConnectionPage';
import { FavouritesPage } from './pages/FavouritesPage';
import { GeneralPage } from './pages/GeneralPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { TokenPage } from './pages/TokenPage';

const PAGES = [
  { id: 'connection', label: 'Connection' },
  { id: 'favourites', label: 'Favourites' },
  { id: 'notifications', label: 'Notifications' },
  { id: 'token', label: 'Token' },
  { id: 'general', label: 'General' },
  { id: 'about', label: 'About' },
] as const;
type PageId = (typeof PAGES)[number]['id'];

/** What a page needs before it shows anything: every page the status and the settings, some more. */
const pageNeeds = (page: PageId): MainValueName[] =>
  page === 'token'
    ? ['status', 'settings', 'tokenStatus']
    : page === 'general'
      ? ['status', 'settings', 'desktopStatus']
      : ['status', 'settings'];

/** The settings window: a sidebar of pages, the page in the URL hash so main can open one. */
export function SettingsApp() {
  const status = useAppStatus();
  const settings = useSettings();
  const { entities, failure: listFailure } = useEntities();
  const token = useTokenStatus();
  const desktop = useDesktopStatus();
  const [page, navigate] = useHashRoute<PageId>(
    PAGES.map((p) => p.id),
    'connection',
  );
  const [ledOnFromSignIn, setLedOnFromSignIn] = useState(false);
  // Both pages pick entities from the whole home.
  useEntityListOpen(page === 'favourites' || page === 'notifications');
  const ready = status !== null && settings !== null;
  return (
    <div className="settings">
      <nav className="sidebar" aria-label="Settings pages">
        <p className="app-name">HA Tray</p>
        <ul>
          {PAGES.map((p) => (
            <li key={p.id}>
              <a
                href={`#/${p.id}`}
                aria-current={page === p.id ? 'page' : undefined}
                onClick={() => navigate(p.id)}
              >
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <LoadingValues names={pageNeeds(page)} />
        {ready && page === 'connection' && (
          <ConnectionPage
            status={status}
            onFirstConnection={() => {
              setLedOnFromSignIn(true);
              navigate('favourites');
            }}
          />
        )}
        {ready && page === 'favourites' && (
          <FavouritesPage
            favourites={settings.favourites}
            entities={entities}
            listFailure={listFailure}
            focusHeading={ledOnFromSignIn}
          />
        )}
        {/* The other pages that pick entities work without the list, but say why it is missing. */}
        {ready && listFailure && (page === 'notifications' || page === 'general') && (
          <LoadFailure message={listFailure.message} onRetry={listFailure.retry} />
        )}
        {ready && page === 'notifications' && (
          <NotificationsPage notifications={settings.notifications} entities={entities} />
        )}
        {ready && page === 'token' && token && <TokenPage token={token} settings={settings} />}
        {ready && page === 'general' && desktop && (
          <GeneralPage desktop={desktop} settings={settings} entities={entities ?? []} />
        )}
        {ready && page === 'about' && <AboutPage status={status} />}
      </main>
    </div>
  );
}
