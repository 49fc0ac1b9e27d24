import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_MEMORY } from '../../../src/main/token-lifecycle/reminder-policy';
import { fileReminderMemoryStore } from '../../../src/main/token-lifecycle/reminder-memory-store';
import { recordingLogger } from '../../support/test-logger';

describe('the reminder memory file', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ha-tray-reminder-'));
    path = join(dir, 'rotation-reminder.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts empty and keeps what was written', async () => {
    const store = fileReminderMemoryStore(path);
    expect(await store.read()).toEqual(EMPTY_MEMORY);
    const memory = { tokenKey: 'iss:rt1', snoozedUntil: 10, lastNotifiedAt: 5 };
    await store.write(memory);
    expect(await fileReminderMemoryStore(path).read()).toEqual(memory);
  });

  it('starts afresh from a damaged file, and says so in the log', async () => {
    writeFileSync(path, 'not json');
    const logger = recordingLogger();
    expect(await fileReminderMemoryStore(path, logger).read()).toEqual(EMPTY_MEMORY);
    expect(logger.lines.join('\n')).toContain('could not be read');
  });

  it('reads a file from before versions (version 0), and writes it back as version 1', async () => {
    const v0 = '{\n  "tokenKey": "iss:rt1",\n  "snoozedUntil": 10,\n  "lastNotifiedAt": 5\n}';
    writeFileSync(path, v0);
    const memory = { tokenKey: 'iss:rt1', snoozedUntil: 10, lastNotifiedAt: 5 };
    expect(await fileReminderMemoryStore(path).read()).toEqual(memory);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ version: 1, ...memory });
    expect(readFileSync(`${path}.version-0`, 'utf8')).toBe(v0);
  });

  it('a file from a newer HA Tray: starts afresh, says so in the log, and never writes over it', async () => {
    const newer = JSON.stringify({ version: 2, reminders: [] });
    writeFileSync(path, newer);
    const logger = recordingLogger();
    const store = fileReminderMemoryStore(path, logger);
    expect(await store.read()).toEqual(EMPTY_MEMORY);
    expect(logger.lines.join('\n')).toMatch(/rotation reminder file was saved by a newer version/);
    await expect(store.write({ ...EMPTY_MEMORY, snoozedUntil: 1 })).rejects.toThrow(/newer/);
    expect(readFileSync(path, 'utf8')).toBe(newer);
    expect(readdirSync(dir)).toEqual(['rotation-reminder.json']);
  });
});
