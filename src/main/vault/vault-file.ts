import { z } from 'zod';
import { NewerFileError, type DocumentFormat } from '../storage/document-format';
import { DamagedFileError, JsonFileStore } from '../storage/json-file-store';

/**
 * One encrypted token with the backend that encrypted it (so a changed backend is reported, not
 * guessed) and when the user saved it.
 */
const sealedSchema = z.object({
  backend: z.string(),
  /** Base64 of what the secret store returned. */
  ciphertext: z.string().min(1),
  savedAt: z.iso.datetime(),
  /** The token's name in Home Assistant, when the app knows it. */
  name: z.string().nullable().default(null),
});
export type SealedToken = z.infer<typeof sealedSchema>;

/**
 * The vault file: the token in use and, during a rotation, the new token that is stored but not
 * yet in use. Both live in one file so that "the pending token becomes current" is one atomic
 * write: after a crash the file holds either the old pair or the new one.
 */
const fileSchema = z.object({
  current: sealedSchema.nullable(),
  pending: sealedSchema.nullable(),
});
export type VaultContents = z.infer<typeof fileSchema>;

/**
 * Version 1 is the first: the vault named its version from the start, so a file without one was
 * never written by HA Tray and counts as damaged. Add a migration here for every change of shape.
 */
export const VAULT_FORMAT: DocumentFormat = {
  label: 'token vault',
  versionKey: 'version',
  version: 1,
  unversioned: null,
  migrations: [],
};

export const EMPTY_VAULT: VaultContents = { current: null, pending: null };

export type VaultFileRead =
  | { kind: 'ok'; contents: VaultContents }
  /** A copy is kept beside it; the user is asked for the token again. */
  | { kind: 'damaged' }
  /** A newer HA Tray wrote it: it is left as it is, and nothing is written over it. */
  | { kind: 'newer'; error: NewerFileError };

export function vaultFileStore(path: string): JsonFileStore<VaultContents> {
  return new JsonFileStore(path, fileSchema, VAULT_FORMAT);
}

export async function readVaultFile(file: JsonFileStore<VaultContents>): Promise<VaultFileRead> {
  try {
    return { kind: 'ok', contents: (await file.read()) ?? EMPTY_VAULT };
  } catch (error) {
    if (error instanceof DamagedFileError) return { kind: 'damaged' };
    if (error instanceof NewerFileError) return { kind: 'newer', error };
    throw error;
  }
}
