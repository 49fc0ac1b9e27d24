import { dialog } from 'electron';
import type { Dialogs } from '../../windows/dialogs';

export function createElectronDialogs(): Dialogs {
  return {
    confirm: async (question, detail, confirmLabel) => {
      const { response } = await dialog.showMessageBox({
        type: 'question',
        message: question,
        detail,
        buttons: ['Cancel', confirmLabel],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      });
      return response === 1;
    },
    showError: (title, message) => {
      // Shown from places that go on without waiting; the app's logger is not reachable here.
      dialog
        .showMessageBox({ type: 'warning', message: title, detail: message, buttons: ['OK'] })
        .catch((error: unknown) => console.error('Could not show an error dialog', error));
    },
  };
}
