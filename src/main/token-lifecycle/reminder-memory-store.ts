import { z } from 'zod';
import type { Logger } from '../log/logger';
import type { DocumentFormat } from '../storage/document-format';
import { JsonFileStore } from '../storage/json-file-store';
import type { ReminderMemory } from './reminder-policy';
import { EMPTY_MEMORY } from './reminder-policy';

/** Where the reminder keeps its snooze and last notification across restarts. */
export interface ReminderMemoryStore {
  read(): Promise<ReminderMemory>;
  write(memory: ReminderMemory): Promise<void>;
}

const memorySchema = z.object({
  tokenKey: z.string().nullable(),
  snoozedUntil: z.number().nullable(),
  lastNotifiedAt: z.number().nullable(),
});

/** Version 0 (HA Tray before versioned files) named no version; version 1 says it. */
export const REMINDER_MEMORY_FORMAT: DocumentFormat = {
  label: 'rotation reminder',
  versionKey: 'version',
  version: 1,
  unversioned: 0,
  migrations: [{ version: 1, description: 'the file names its version', up: (raw) => raw }],
};

/**
 * A JSON file; a missing or damaged one means "no snooze, nothing notified yet". One a newer HA
 * Tray wrote is read as such too, and stays as it is: writes to it fail and are logged.
 */
export function fileReminderMemoryStore(path: string, logger?: Logger): ReminderMemoryStore {
  const file = new JsonFileStore<ReminderMemory>(path, memorySchema, REMINDER_MEMORY_FORMAT);
  return {
    async read() {
      try {
        return (await file.read()) ?? EMPTY_MEMORY;
      } catch (error) {
        logger?.warn('The rotation reminder file could not be read; starting afresh', error);
        return EMPTY_MEMORY;
      }
    },
    write: (memory) => file.write(memory),
  };
}
