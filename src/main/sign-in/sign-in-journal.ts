import { z } from 'zod';
import type { DocumentFormat } from '../storage/document-format';
import { JsonFileStore } from '../storage/json-file-store';

/**
 * The last step a browser sign-in completed, in order. Written before each action that may leave
 * a token in Home Assistant, so that after a crash the next start knows what to look for:
 * - `exchanging`: the code goes to Home Assistant; a sign-in session may exist (found by `clientId`);
 * - `session_stored`: the session's refresh token is in the vault's pending slot (`sessionTokenId`);
 * - `creating`: the long-lived token `clientName` is being made (found by that name);
 * - `created`: it exists (`newTokenId`);
 * - `stored`: it is the vault's current token; only the session is left to delete.
 */
export const SIGN_IN_STEPS = [
  'exchanging',
  'session_stored',
  'creating',
  'created',
  'stored',
] as const;
export type SignInStep = (typeof SIGN_IN_STEPS)[number];

export function signInStepReached(journal: SignInJournal, step: SignInStep): boolean {
  return SIGN_IN_STEPS.indexOf(journal.step) >= SIGN_IN_STEPS.indexOf(step);
}

/** Ids, names and the address only: the tokens themselves live in the vault, encrypted. */
export const signInJournalSchema = z.object({
  step: z.enum(SIGN_IN_STEPS),
  startedAt: z.number(),
  /** The Home Assistant signed in to: recovery talks to it and to no other address. */
  origin: z.string(),
  /** `http://127.0.0.1:PORT/`: Home Assistant lists the session's refresh token under it. */
  clientId: z.string(),
  userId: z.string().nullable(),
  sessionTokenId: z.string().nullable(),
  clientName: z.string().nullable(),
  newTokenId: z.string().nullable(),
  /**
   * Client ids of earlier sign-ins to this origin that were interrupted before their session was
   * known and that no credential could clean up yet: the next connection deletes their sessions.
   */
  leftoverClientIds: z.array(z.string()).max(20),
});
export type SignInJournal = z.infer<typeof signInJournalSchema>;

/** Version 1 is the first; add a migration here for every change of shape. */
export const SIGN_IN_JOURNAL_FORMAT: DocumentFormat = {
  label: 'sign-in record',
  versionKey: 'version',
  version: 1,
  unversioned: null,
  migrations: [],
};

/** Where the journal lives; `read` throws on a damaged or newer file, as the rotation journal's does. */
export interface SignInJournalStore {
  read(): Promise<SignInJournal | null>;
  write(journal: SignInJournal): Promise<void>;
  clear(): Promise<void>;
}

/** A JSON file in the user-data folder, on disk before `write` resolves. */
export function fileSignInJournalStore(path: string): SignInJournalStore {
  const file = new JsonFileStore(path, signInJournalSchema, SIGN_IN_JOURNAL_FORMAT);
  return {
    read: () => file.read(),
    write: (journal) => file.write(journal),
    clear: () => file.clear(),
  };
}
