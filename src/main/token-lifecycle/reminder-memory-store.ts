import { z } from 'zod';
import type { Logger } from '../log/logger';
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

/** A JSON file; a missing or damaged one means "no snooze, nothing notified yet". */
export function fileReminderMemoryStore(path: string, logger?: Logger): ReminderMemoryStore {
  const file = new JsonFileStore<ReminderMemory>(path, memorySchema);
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
