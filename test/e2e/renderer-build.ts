import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
export const RENDERER_OUT = join(root, 'out', 'renderer');

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

/** Builds the React pages when out/ is missing or older than their sources. */
export function ensureRendererBuilt(): void {
  const built = join(RENDERER_OUT, 'settings.html');
  const sources = Math.max(
    newest(join(root, 'src', 'renderer')),
    newest(join(root, 'src', 'shared')),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'pipe' });
}
