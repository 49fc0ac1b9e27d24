import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/theme.css';
import '../styles/settings.css';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { reportUncaughtErrors } from '../report-errors';
import { SettingsApp } from './SettingsApp';

reportUncaughtErrors('settings');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary page="settings">
      <SettingsApp />
    </ErrorBoundary>
  </StrictMode>,
);
