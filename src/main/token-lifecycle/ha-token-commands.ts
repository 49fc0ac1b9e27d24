import { z } from 'zod';
import type { HaIdentity, HaTokenPort, RefreshTokenInfo, VerifyOutcome } from './ports';

/** Sends one command on the live connection (the connection supervisor's `send`). */
export interface CommandSender {
  send<T>(message: { type: string; [key: string]: unknown }): Promise<T>;
}

const TOKEN_TYPES = ['normal', 'system', 'long_lived_access_token'] as const;

const refreshTokensSchema = z.array(
  z.object({
    id: z.string(),
    client_name: z.string().nullish(),
    client_id: z.string().nullish(),
    type: z.string(),
    created_at: z.string().nullish(),
    expire_at: z.string().nullish(),
    is_current: z.boolean().optional(),
  }),
);

const currentUserSchema = z.object({ id: z.string(), name: z.string().nullish() });

function epochOf(iso: string | null | undefined): number | null {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? null : ms;
}

function toInfo(entry: z.infer<typeof refreshTokensSchema>[number]): RefreshTokenInfo | null {
  const type = TOKEN_TYPES.find((t) => t === entry.type);
  if (!type) return null;
  return {
    id: entry.id,
    clientName: entry.client_name ?? null,
    clientId: entry.client_id ?? null,
    type,
    createdAt: epochOf(entry.created_at),
    expireAt: epochOf(entry.expire_at),
    isCurrent: entry.is_current ?? false,
  };
}

const errorCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

/**
 * Home Assistant's token commands over the live connection (test/ha-sim/commands/auth.ts shows
 * the messages and replies). Never
 * sends `auth/delete_all_refresh_tokens`: in 2024.1 it deletes every token, the current one too.
 * `verifyToken` needs a fresh connection, which the connection supervisor opens: it is passed in.
 */
export function haTokenCommands(
  sender: CommandSender,
  verifyToken: (token: string) => Promise<VerifyOutcome>,
): HaTokenPort {
  return {
    async createToken(clientName, lifespanDays) {
      if (!Number.isInteger(lifespanDays) || lifespanDays < 1) {
        throw new RangeError('A token lifespan is a whole number of days, at least 1');
      }
      const result = await sender.send<unknown>({
        type: 'auth/long_lived_access_token',
        client_name: clientName,
        lifespan: lifespanDays,
      });
      // The error must not echo the result: it would be the token.
      if (typeof result !== 'string' || result === '')
        throw new Error('Home Assistant returned no token');
      return result;
    },

    async listRefreshTokens() {
      const parsed = refreshTokensSchema.safeParse(
        await sender.send<unknown>({ type: 'auth/refresh_tokens' }),
      );
      if (!parsed.success) throw new Error('Home Assistant returned an unexpected token list');
      return parsed.data.map(toInfo).filter((t): t is RefreshTokenInfo => t !== null);
    },

    async deleteRefreshToken(id) {
      try {
        await sender.send<unknown>({ type: 'auth/delete_refresh_token', refresh_token_id: id });
      } catch (error) {
        // Already gone (deleted elsewhere, or by an earlier attempt whose answer was lost).
        if (errorCode(error) === 'invalid_token_id') return;
        throw error;
      }
    },

    verifyToken,

    async currentUser(): Promise<HaIdentity> {
      const parsed = currentUserSchema.safeParse(
        await sender.send<unknown>({ type: 'auth/current_user' }),
      );
      if (!parsed.success) throw new Error('Home Assistant returned an unexpected user');
      return {
        userId: parsed.data.id,
        ...(parsed.data.name ? { userName: parsed.data.name } : {}),
      };
    },
  };
}
