import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';

/** One encrypted token with the backend that encrypted it: a changed backend is then reported, not guessed. */
const sealedSchema = z.object({
  backend: z.string(),
  ciphertext: z.string(),
  savedAt: z.string(),
  /** The token's name in Home Assistant, when the app knows it. */
  name: z.string().nullable().default(null),
});
export type SealedToken = z.infer<typeof sealedSchema>;

const fileSchema = z.object({
  version: z.literal(1),
  current: sealedSchema.nullable(),
  /** A rotated token that is stored but not yet verified and made current. */
  pending: sealedSchema.nullable(),
});
export type VaultContents = z.infer<typeof fileSchema>;

export const EMPTY_VAULT: VaultContents = { version: 1, current: null, pending: null };

export type VaultFileRead = { ok: true; contents: VaultContents } | { ok: false };

export function readVaultFile(path: string): VaultFileRead {
  if (!existsSync(path)) return { ok: true, contents: EMPTY_VAULT };
  try {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? { ok: true, contents: parsed.data } : { ok: false };
  } catch {
    return { ok: false };
  }
}

export function writeVaultFile(path: string, contents: VaultContents): void {
  writeFileAtomic(path, `${JSON.stringify(contents, null, 2)}\n`);
}
