import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/theme.css';
import '../styles/panel.css';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { reportUncaughtErrors } from '../report-errors';
import { PanelApp } from './PanelApp';

reportUncaughtErrors('panel');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary page="panel">
      <PanelApp />
    </ErrorBoundary>
  </StrictMode>,
);
