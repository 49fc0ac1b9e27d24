import { ConnectionPage } from './pages/ConnectionPage';
import { useAppStatus } from '../hooks/useAppStatus';
import { useHashRoute } from '../hooks/useHashRoute';

const PAGES = [{ id: 'connection', label: 'Connection' }] as const;
type PageId = (typeof PAGES)[number]['id'];

/** The settings window: a sidebar of pages, the page in the URL hash so main can open one. */
export function SettingsApp() {
  const status = useAppStatus();
  const [page, navigate] = useHashRoute<PageId>(
    PAGES.map((p) => p.id),
    'connection',
  );
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
        {status ? <ConnectionPage status={status} /> : <p className="muted">Loading…</p>}
      </main>
    </div>
  );
}
