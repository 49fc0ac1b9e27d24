import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileCrashJournal } from '../../../src/main/crash/crash-journal';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-crashes-'));
  path = join(dir, 'crashes.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('fileCrashJournal', () => {
  it('keeps the crash times of the last two minutes, in a versioned 0600 file', () => {
    const journal = fileCrashJournal(path);
    journal.record(1_000);
    journal.record(200_000);
    expect(journal.crashes()).toEqual([200_000]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ version: 1, crashes: [200_000] });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('reads no crash from a missing or damaged file, and writes over a damaged one', () => {
    expect(fileCrashJournal(path).crashes()).toEqual([]);
    writeFileSync(path, '{"version": 1, "crashes": "soon"');
    const journal = fileCrashJournal(path);
    expect(journal.crashes()).toEqual([]);
    journal.record(5);
    expect(journal.crashes()).toEqual([5]);
  });

  it('never overwrites a file a newer HA Tray wrote, and reads no crash from it', () => {
    const newer = JSON.stringify({ version: 2, crashes: { at: [1, 2, 3] } });
    writeFileSync(path, newer);
    const journal = fileCrashJournal(path);
    expect(journal.crashes()).toEqual([]);
    journal.record(10);
    expect(readFileSync(path, 'utf8')).toBe(newer);
  });
});
