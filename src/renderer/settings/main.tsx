import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/theme.css';

function SettingsApp() {
  return <main>HA Tray settings</main>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SettingsApp />
  </StrictMode>,
);
