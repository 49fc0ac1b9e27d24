import Module from 'node:module';
import { join } from 'node:path';

// Outside vitest (which aliases it in vitest.config.mts) `electron` would load the real module,
// whose binary cannot be downloaded here: the bench gets the same mock as the tests. Imported
// first by scripts/bench.ts, before anything that reaches electron-store.
const mock = join(import.meta.dirname, '..', '..', 'mocks', 'electron.ts');
const resolver = Module as unknown as {
  _resolveFilename: (request: string, ...rest: unknown[]) => string;
};
const resolve = resolver._resolveFilename;
resolver._resolveFilename = function (request: string, ...rest: unknown[]) {
  return resolve.call(this, request === 'electron' ? mock : request, ...rest);
};
