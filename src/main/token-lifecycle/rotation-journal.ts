import { z } from 'zod';
import type { DocumentFormat } from '../storage/document-format';
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

/**
 * Version 1 is the first: the journal named its version from the start, so a file without one
 * was never written by HA Tray and counts as damaged. Add a migration here for every change of shape.
 */
export const JOURNAL_FORMAT: DocumentFormat = {
  label: 'token rotation record',
  versionKey: 'version',
  version: 1,
  unversioned: null,
  migrations: [],
};

/**
 * Where the journal lives. `read` throws `DamagedFileError` when it exists but cannot be read,
 * and `NewerFileError` when a newer HA Tray wrote it (then `write` and `clear` refuse too).
 */
export interface JournalStore {
  read(): Promise<RotationJournal | null>;
  write(journal: RotationJournal): Promise<void>;
  clear(): Promise<void>;
  /** Resolves once every write is on disk. */
  flush(): Promise<void>;
}

/**
 * A JSON file in the user-data folder, replaced atomically on every write, and on disk (folder
 * included) before `write` resolves: a rotation takes its next step only after that.
 */
export function fileJournalStore(path: string): JournalStore {
  const file = new JsonFileStore(path, rotationJournalSchema, JOURNAL_FORMAT);
  return {
    read: () => file.read(),
    write: (journal) => file.write(journal),
    clear: () => file.clear(),
    flush: () => file.flush(),
  };
}
