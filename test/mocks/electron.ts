// Stand-in for the `electron` module in every test (see vitest.config.mts). Code under test
// reaches Electron only through src/main/adapters/electron/, so this mock only has to exist and fail
// loudly if something calls into it unexpectedly.
function notAvailable(name: string): never {
  throw new Error(`electron.${name} is not available in tests; inject a fake platform instead`);
}

export const app = new Proxy({}, { get: (_t, p) => notAvailable(`app.${String(p)}`) });
export const safeStorage = new Proxy(
  {},
  { get: (_t, p) => notAvailable(`safeStorage.${String(p)}`) },
);
export default { app, safeStorage };
