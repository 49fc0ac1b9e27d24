import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractAll } from '@electron/asar';
import type { TestProject } from 'vitest/node';
import { buildUnpacked } from '../../scripts/package-check/build-unpacked';

declare module 'vitest' {
  export interface ProvidedContext {
    /** electron-builder's `linux-unpacked/` output. */
    unpackedDir: string;
    /** A copy of its `resources/` with app.asar extracted into a folder of that name. */
    packagedResources: string;
  }
}

const projectDir = join(import.meta.dirname, '..', '..');

/**
 * Once per test run, before the boot suite: builds `out/` and packages it with the real
 * electron-builder, then lays the installed app's resources out on disk for the packaged boot.
 */
export default function setup(project: TestProject): () => void {
  execFileSync(join(projectDir, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: projectDir,
    stdio: 'pipe',
  });
  const work = mkdtempSync(join(tmpdir(), 'ha-tray-boot-package-'));
  const unpackedDir = buildUnpacked(projectDir, join(work, 'dist'));
  const packagedResources = join(work, 'installed', 'resources');
  mkdirSync(packagedResources, { recursive: true });
  const built = join(unpackedDir, 'resources');
  for (const entry of readdirSync(built)) {
    if (entry === 'app.asar') extractAll(join(built, entry), join(packagedResources, entry));
    else cpSync(join(built, entry), join(packagedResources, entry), { recursive: true });
  }
  project.provide('unpackedDir', unpackedDir);
  project.provide('packagedResources', packagedResources);
  return () => rmSync(work, { recursive: true, force: true });
}
