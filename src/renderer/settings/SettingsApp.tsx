import { useState } from 'react';
import type { SettingsPage } from '../../shared/ipc/contract';
import { instanceEntry, type Settings } from '../../shared/settings';
import { settingsHash } from '../../shared/settings-route';
import { LoadFailure } from '../components/LoadFailure';
import { LoadingValues } from '../components/LoadingValues';
import { useAppStatus } from '../hooks/useAppStatus';
import { useDesktopStatus } from '../hooks/useDesktopStatus';
import { useEntities } from '../hooks/useEntities';
import { useEntityListOpen } from '../hooks/useEntityListOpen';
import type { ValueRef } from '../hooks/useMainValue';
import { useSettings } from '../hooks/useSettings';
import { useSettingsRoute } from '../hooks/useSettingsRoute';
import { useTokenStatus } from '../hooks/useTokenStatus';
import { AboutPage } from './pages/AboutPage';
import { ConnectionPage } from './pages/ConnectionPage';
import { FavouritesPage } from './pages/FavouritesPage';
import { GeneralPage } from './pages/GeneralPage';
import { InstanceList, type InstanceListNotice } from './pages/InstanceList';
import { InstanceSwitcher } from './pages/InstanceSwitcher';
import { NotificationsPage } from './pages/NotificationsPage';
import { TokenPage } from './pages/TokenPage';

const PAGES: readonly { id: SettingsPage; label: string }[] = [
  { id: 'connection', label: 'Connection' },
  { id: 'favourites', label: 'Favourites' },
  { id: 'notifications', label: 'Notifications' },
  { id: 'token', label: 'Token' },
  { id: 'general', label: 'General' },
  { id: 'about', label: 'About' },
];

/** What a page needs before it shows anything: every page the status and the settings, some more. */
const pageNeeds = (page: SettingsPage, instance: string | null): ValueRef[] => {
  const status = { name: 'status', instance } as const;
  return page === 'token'
    ? [status, 'settings', { name: 'tokenStatus', instance }]
    : page === 'general'
      ? [status, 'settings', 'desktopStatus']
      : [status, 'settings'];
};

/** The instance a route names, while the settings have it; else the first one. */
function shownInstance(settings: Settings | null, named: string | null): string | null {
  if (!settings) return null;
  return (named !== null && instanceEntry(settings, named)?.key) || settings.instances[0]!.key;
}

/**
 * The settings window: a sidebar of pages, the page (and the Home Assistant it is about, where
 * HA Tray follows several) in the URL hash so main can open one.
 */
export function SettingsApp() {
  const settings = useSettings();
  const [route, navigate] = useSettingsRoute('connection');
  const { page } = route;
  const key = shownInstance(settings, route.instance);
  const entry = settings && key ? instanceEntry(settings, key)! : null;
  const status = useAppStatus(key);
  const keys = settings?.instances.map((i) => i.key) ?? [];
  const { lists, failure: listFailure } = useEntities(keys);
  const token = useTokenStatus(page === 'token' ? key : null);
  const desktop = useDesktopStatus();
  const [ledOnFromSignIn, setLedOnFromSignIn] = useState(false);
  const [listNotice, setListNotice] = useState<InstanceListNotice | null>(null);
  // Both pages pick entities from the whole home.
  useEntityListOpen(page === 'favourites' || page === 'notifications');
  const ready = status !== null && settings !== null && entry !== null;
  const several = keys.length > 1;
  const switcher = ready && (
    <InstanceSwitcher
      instances={settings.instances}
      shown={entry.key}
      onChange={(next) => navigate(page, next)}
    />
  );
  return (
    <div className="settings">
      <nav className="sidebar" aria-label="Settings pages">
        <p className="app-name">HA Tray</p>
        <ul>
          {PAGES.map((p) => (
            <li key={p.id}>
              <a
                href={`#${settingsHash(p.id, several ? key : null)}`}
                aria-current={page === p.id ? 'page' : undefined}
              >
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <LoadingValues names={pageNeeds(page, key)} />
        {ready && page === 'connection' && (
          <ConnectionPage
            // Another instance is another page: nothing typed for one is kept for the next.
            key={entry.key}
            status={status}
            several={several}
            instances={
              <InstanceList
                settings={settings}
                shown={entry.key}
                onAdded={(added) => {
                  setListNotice(null);
                  navigate('connection', added);
                }}
                notice={listNotice}
                onNotice={setListNotice}
              />
            }
            onFirstConnection={() => {
              setLedOnFromSignIn(true);
              navigate('favourites');
            }}
          />
        )}
        {ready && page === 'favourites' && (
          <FavouritesPage
            instances={settings.instances}
            lists={lists}
            listFailure={listFailure}
            focusHeading={ledOnFromSignIn}
          />
        )}
        {/* The other pages that pick entities work without the list, but say why it is missing. */}
        {ready && listFailure && (page === 'notifications' || page === 'general') && (
          <LoadFailure message={listFailure.message} onRetry={listFailure.retry} />
        )}
        {ready && page === 'notifications' && (
          <NotificationsPage
            key={entry.key}
            instance={entry}
            notifications={settings.notifications}
            entities={lists?.get(entry.key) ?? null}
            switcher={switcher}
          />
        )}
        {ready && page === 'token' && token && (
          <TokenPage key={entry.key} instance={entry} token={token} switcher={switcher} />
        )}
        {ready && page === 'general' && desktop && (
          <GeneralPage desktop={desktop} settings={settings} lists={lists} />
        )}
        {ready && page === 'about' && <AboutPage status={status} />}
      </main>
    </div>
  );
}
