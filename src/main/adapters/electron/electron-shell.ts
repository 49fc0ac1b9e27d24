import { shell } from 'electron';
import type { Shell } from '../../windows/shell';

export function createElectronShell(): Shell {
  return {
    openExternal: async (url) => {
      const { protocol } = new URL(url);
      if (protocol !== 'http:' && protocol !== 'https:')
        throw new Error('Only web pages can be opened.');
      await shell.openExternal(url);
    },
  };
}
