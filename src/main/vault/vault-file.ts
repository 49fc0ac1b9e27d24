import { z } from 'zod';
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
  version: z.literal(1),
  current: sealedSchema.nullable(),
  pending: sealedSchema.nullable(),
});
export type VaultContents = z.infer<typeof fileSchema>;

export const EMPTY_VAULT: VaultContents = { version: 1, current: null, pending: null };

export type VaultFileRead = { ok: true; contents: VaultContents } | { ok: false };

export function vaultFileStore(path: string): JsonFileStore<VaultContents> {
  return new JsonFileStore(path, fileSchema);
}

/** The vault's contents; `ok: false` when the file is damaged (a copy is kept beside it). */
export async function readVaultFile(file: JsonFileStore<VaultContents>): Promise<VaultFileRead> {
  try {
    return { ok: true, contents: (await file.read()) ?? EMPTY_VAULT };
  } catch (error) {
    if (error instanceof DamagedFileError) return { ok: false };
    throw error;
  }
}
