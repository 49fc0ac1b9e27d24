// Packaging check (run by .ci/run and `npm run package:check`): builds the app, runs the real
// electron-builder for Linux unpacked on a stub Electron, and inspects what it produced.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildUnpacked } from './package-check/build-unpacked';
import { inspectPackage, mb } from './package-check/inspect';

const projectDir = join(__dirname, '..');

async function main(): Promise<void> {
  const outputDir = mkdtempSync(join(tmpdir(), 'ha-tray-package-'));
  try {
    execFileSync(join(projectDir, 'node_modules', '.bin', 'electron-vite'), ['build'], {
      cwd: projectDir,
      stdio: 'pipe',
    });
    const unpacked = buildUnpacked(projectDir, outputDir);
    const report = await inspectPackage(projectDir, unpacked);
    console.log(
      `app.asar: ${report.asarFiles} files, ${mb(report.asarBytes)}; renderer: ${mb(report.rendererBytes)}`,
    );
    for (const problem of report.problems) console.error(`package check: ${problem}`);
    if (report.problems.length > 0) process.exitCode = 1;
    else console.log('package check: passed');
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
}

void main();
