import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The README, docs/ and code comments cite files of this repository by path; a move or a rename
 * must take the citations along (docs/architecture.md is a newcomer's map, and a stale path
 * there sends them looking for code that is elsewhere).
 */
const CITED_PATH = /(?<![\w./@-])(?:src|test|scripts|docs)\/[\w./-]*[\w/]/g;

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(keep)
    .map((name) => join(dir, name));
}

const citing = [
  'README.md',
  ...filesUnder('docs', (n) => n.endsWith('.md')),
  ...filesUnder('src', (n) => /\.(ts|tsx|css|html)$/.test(n)),
  ...filesUnder('scripts', (n) => /\.(ts|mjs)$/.test(n)),
];

/** `src/main/tray/` and `src/main/tray/tray-host.ts` both name something that exists. */
const exists = (path: string) => existsSync(path.replace(/[/.]+$/, ''));

describe('paths cited in the README, docs/ and src/', () => {
  it.each(citing)('%s cites only paths that exist', (file) => {
    const cited = [...readFileSync(file, 'utf8').matchAll(CITED_PATH)].map((m) => m[0]);
    expect(cited.filter((path) => !exists(path))).toEqual([]);
  });
});
