import { z } from 'zod';
import { JsonFileStore } from '../storage/json-file-store';

/**
 * The last step a rotation completed, in order. The journal is written after each one, so after a
 * crash it says how far the rotation got (the action after the recorded step may or may not have
 * happened; recovery checks the vault and Home Assistant to find out).
 */
export const JOURNAL_STEPS = [
  'started',
  'created',
  'stored',
  'verified',
  'promoted',
  'switched',
  'revoked',
] as const;
export type JournalStep = (typeof JOURNAL_STEPS)[number];

export function stepReached(journal: RotationJournal, step: JournalStep): boolean {
  return JOURNAL_STEPS.indexOf(journal.step) >= JOURNAL_STEPS.indexOf(step);
}

/**
 * What survives a crash in the middle of a rotation. Ids and names only: the token strings live
 * in the vault (the new one encrypted as pending), never here.
 */
export const rotationJournalSchema = z.object({
  version: z.literal(1),
  step: z.enum(JOURNAL_STEPS),
  /** 'back' once the rotation was given up: recovery then only ever rolls back. */
  direction: z.enum(['forward', 'back']),
  startedAt: z.number(),
  /** The new token's unique name in Home Assistant: finds it if the crash came before its id was recorded. */
  clientName: z.string(),
  /** The user of the token being replaced: the new token must belong to the same user. */
  userId: z.string(),
  /** Refresh-token id (iss) of the token being replaced. */
  oldTokenId: z.string(),
  /** Refresh-token id (iss) of the new token, once created. */
  newTokenId: z.string().nullable(),
});
export type RotationJournal = z.infer<typeof rotationJournalSchema>;

/** Where the journal lives. `read` throws `DamagedFileError` when it exists but cannot be read. */
export interface JournalStore {
  read(): Promise<RotationJournal | null>;
  write(journal: RotationJournal): Promise<void>;
  clear(): Promise<void>;
  /** Resolves once every write is on disk. */
  flush(): Promise<void>;
}

/** A JSON file in the user-data folder, replaced atomically on every write. */
export function fileJournalStore(path: string): JournalStore {
  const file = new JsonFileStore(path, rotationJournalSchema);
  return {
    read: () => file.read(),
    write: (journal) => file.write(journal),
    clear: () => file.clear(),
    flush: () => file.flush(),
  };
}
