import { z } from 'zod';

// Imported first by each page's entry, before any module that builds a schema: zod probes
// `new Function` (to compile fast parsers) when it builds its first object schema, and the pages'
// CSP (src/main/windows/page-csp.ts) refuses eval, which Chromium reports as a violation even
// though zod catches the error. Jitless, zod never tries; parsing a few small payloads loses nothing.
z.config({ jitless: true });
