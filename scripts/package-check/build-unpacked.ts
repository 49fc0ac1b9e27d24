import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { writeStubElectronDist } from './stub-electron';

/**
 * Runs the real electron-builder for Linux into `outputDir`, unpacked (`--dir`: no installer,
 * nothing downloaded), on the stub Electron. Expects `out/` built. Returns `linux-unpacked/`.
 */
export function buildUnpacked(projectDir: string, outputDir: string): string {
  const electronDist = writeStubElectronDist(join(outputDir, 'stub-electron'));
  const builder = join(projectDir, 'node_modules', '.bin', 'electron-builder');
  execFileSync(
    builder,
    [
      '--dir',
      '--linux',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${outputDir}`,
    ],
    { cwd: projectDir, stdio: 'pipe' },
  );
  return join(outputDir, 'linux-unpacked');
}
