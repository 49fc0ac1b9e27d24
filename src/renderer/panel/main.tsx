import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/theme.css';

function PanelApp() {
  return <main>HA Tray</main>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PanelApp />
  </StrictMode>,
);
