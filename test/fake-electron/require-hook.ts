import Module from 'node:module';

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;

/**
 * Makes `require('electron')` return `fake` for code Node loads itself, such as the built
 * CommonJS main bundle (Vitest's alias only reaches modules Vitest transforms). Returns the undo.
 */
export function installElectronRequireHook(fake: unknown): () => void {
  const loader = Module as unknown as { _load: Load };
  const original = loader._load;
  loader._load = function (this: unknown, request, parent, isMain) {
    if (request === 'electron') return fake;
    return original.call(this, request, parent, isMain);
  };
  return () => {
    loader._load = original;
  };
}
