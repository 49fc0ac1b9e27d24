import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
});
