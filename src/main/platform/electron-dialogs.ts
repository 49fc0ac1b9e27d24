import { dialog } from 'electron';
import type { Dialogs } from './dialogs';

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
    showError: (title, message) =>
      void dialog.showMessageBox({
        type: 'warning',
        message: title,
        detail: message,
        buttons: ['OK'],
      }),
  };
}
