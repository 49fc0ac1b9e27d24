import { z } from 'zod/v4';

// Every `import ... from 'zod'` in the pages resolves to this module (the renderer's alias in
// electron.vite.config.ts), so it is configured before any module of the pages builds a schema,
// whatever order the bundler gives the modules of a shared chunk: zod probes `new Function` (to
// compile fast parsers) when it builds its first object schema, and the pages' CSP
// (src/main/windows/page-csp.ts) refuses eval, which Chromium reports as a violation even though
// zod catches the error. Jitless, zod never tries; parsing a few small payloads loses nothing.
z.config({ jitless: true });

export * from 'zod/v4';
export { z as default } from 'zod/v4';
