import { app } from 'electron';

// Composition root: wires services to the Electron platform. It grows as services land.
app.whenReady().then(() => {
  app.setAppUserModelId('io.github.hatray.app');
});
