import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileCrashJournal } from '../../../src/main/crash/crash-journal';
import { createCrashReporter } from '../../../src/main/crash/crash-reporter';
import { createLogger } from '../../../src/main/log/logger';
import { ListenerError } from '../../../src/shared/emitter';

const token =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJhYmMiLCJpYXQiOjEsImV4cCI6Mn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function setup(heldBackByGuard = false) {
  const dir = mkdtempSync(join(tmpdir(), 'ha-tray-crash-'));
  dirs.push(dir);
  const lines: string[] = [];
  const calls: string[] = [];
  const journal = fileCrashJournal(join(dir, 'crashes.json'));
  let flushed!: () => void;
  const reporter = createCrashReporter({
    logger: createLogger({ write: (line) => lines.push(line) }),
    journal,
    now: () => 5_000_000,
    heldBackByGuard,
    flushLog: () => new Promise<void>((resolve) => (flushed = resolve)),
    relaunch: () => calls.push('relaunch'),
    exit: (code) => calls.push(`exit ${code}`),
  });
  return { dir, lines, calls, journal, reporter, flush: () => flushed() };
}

describe('createCrashReporter', () => {
  it('an uncaught exception: logged redacted with stack and cause, recorded, the log flushed, then one relaunch', async () => {
    const { dir, lines, calls, journal, reporter, flush } = setup();
    const error = new Error('Rendering the tray failed', { cause: new Error(`bad ${token}`) });
    reporter.uncaughtException(error);
    reporter.uncaughtException(new Error('and another while going down'));
    expect(lines[0]).toMatch(/ERROR Uncaught exception in the main process Error: Rendering/);
    expect(lines[0]).toContain('\n  cause: Error: bad [redacted]');
    expect(lines.join('\n')).not.toContain(token);
    expect(journal.crashes()).toEqual([5_000_000]);
    expect(statSync(join(dir, 'crashes.json')).mode & 0o777).toBe(0o600);
    // Nothing happens until the log is on disk.
    expect(calls).toEqual([]);
    flush();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(['relaunch', 'exit 1']);
  });

  it('held back by the guard, a crash quits without relaunching', async () => {
    const { calls, reporter, flush } = setup(true);
    reporter.uncaughtException(new Error('again'));
    flush();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(['exit 1']);
  });

  it("a listener's error is logged with its cause and the app carries on", () => {
    const { lines, calls, journal, reporter } = setup();
    reporter.uncaughtException(new ListenerError(new TypeError('tray listener broke')));
    expect(lines[0]).toMatch(
      /ERROR A listener failed; the app carries on TypeError: tray listener broke\n {2}at /,
    );
    expect(journal.crashes()).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('logs unhandled rejections and processes that are gone, and goes on', () => {
    const { lines, calls, reporter } = setup();
    reporter.unhandledRejection(new Error('lost'));
    reporter.processGone('settings page', { reason: 'crashed', exitCode: 133 });
    reporter.processGone('Utility', { reason: 'oom', exitCode: 1, name: 'Network Service' });
    expect(lines.map((line) => line.replace(/^\S+ /, '').split('\n')[0])).toEqual([
      'ERROR Unhandled promise rejection in the main process Error: lost',
      'ERROR The settings page process is gone: crashed, exit code 133',
      'ERROR The Utility (Network Service) process is gone: oom, exit code 1',
    ]);
    expect(calls).toEqual([]);
  });
});

describe('fileCrashJournal', () => {
  it('reads a damaged or missing file as no crash, and keeps only the window', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-tray-crash-'));
    dirs.push(dir);
    const path = join(dir, 'crashes.json');
    const journal = fileCrashJournal(path);
    expect(journal.crashes()).toEqual([]);
    writeFileSync(path, '{not json');
    expect(journal.crashes()).toEqual([]);
    journal.record(1_000);
    journal.record(500_000);
    expect(journal.crashes()).toEqual([500_000]);
  });
});
