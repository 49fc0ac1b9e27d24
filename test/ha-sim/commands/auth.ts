import { haTimeOf } from '../time';
import { ofType } from '../schema';
import { resultMessage } from '../ws/messages';
import type { SimContext } from '../sim-context';
import type { SimConnection } from '../ws/connection';
import type { Command } from './types';

/** The `auth/*` commands of homeassistant/components/auth/__init__.py. */
export const authCommands: Command[] = [
  {
    type: 'auth/current_user',
    fields: [],
    handler: (_sim, conn, msg) => {
      const user = conn.user!;
      conn.reply(
        resultMessage(msg.id, {
          id: user.id,
          name: user.name,
          is_owner: user.isOwner,
          is_admin: user.isAdmin,
          credentials: [{ auth_provider_type: 'homeassistant', auth_provider_id: null }],
          mfa_modules: [{ id: 'totp', name: 'Authenticator app', enabled: false }],
        }),
      );
    },
  },
  {
    // Any user may make one, also on a connection opened with a long-lived token. A taken client
    // name or an expiry past year 9999 raise ValueError/OverflowError in HA: "Unknown error".
    type: 'auth/long_lived_access_token',
    fields: [
      { key: 'lifespan', validate: ofType('int'), required: true },
      { key: 'client_name', validate: ofType('str'), required: true },
      { key: 'client_icon', validate: ofType('str') },
    ],
    handler: (sim, conn, msg) => {
      const token = sim.auth.createLongLivedToken(
        conn.user!.id,
        msg.client_name as string,
        Number(msg.lifespan),
        (msg.client_icon as string | undefined) ?? null,
      );
      conn.reply(resultMessage(msg.id, token));
    },
  },
  {
    type: 'auth/refresh_tokens',
    fields: [],
    handler: (sim, conn, msg) => {
      const tokens = sim.auth.tokensOf(conn.user!.id).map((t) => ({
        id: t.id,
        client_id: t.clientId,
        client_name: t.clientName,
        client_icon: t.clientIcon,
        type: t.type,
        created_at: haTimeOf(t.createdAt),
        is_current: t.id === conn.refreshTokenId,
        // Set when an access token is made from it: for long-lived tokens only at creation.
        last_used_at: haTimeOf(t.lastUsedAt),
        last_used_ip: t.lastUsedIp,
        auth_provider_type: t.authProviderType,
        // Since 2024.2 (`websocket_refresh_tokens`, components/auth/__init__.py).
        ...(sim.generation === '2024.1'
          ? {}
          : { expire_at: t.expireAt === null ? null : haTimeOf(new Date(t.expireAt)) }),
      }));
      conn.reply(resultMessage(msg.id, tokens));
    },
  },
  {
    // Deleting the token this connection uses closes it at once: the result never arrives.
    type: 'auth/delete_refresh_token',
    fields: [{ key: 'refresh_token_id', validate: ofType('str'), required: true }],
    handler: (sim, conn, msg) => {
      const token = sim.auth.refreshToken(msg.refresh_token_id as string);
      if (!token || token.userId !== conn.user!.id)
        return conn.replyError(msg.id, 'invalid_token_id', 'Received invalid token');
      sim.auth.deleteRefreshToken(token.id);
      conn.reply(resultMessage(msg.id, {}));
    },
  },
  {
    // 2024.6 on (`websocket_refresh_token_set_expiry`, components/auth/__init__.py).
    type: 'auth/refresh_token_set_expiry',
    generations: ['2026.2'],
    fields: [
      { key: 'refresh_token_id', validate: ofType('str'), required: true },
      { key: 'enable_expiry', validate: ofType('bool'), required: true },
    ],
    handler: (sim, conn, msg) => {
      const token = sim.auth.refreshToken(msg.refresh_token_id as string);
      if (!token || token.userId !== conn.user!.id)
        return conn.replyError(msg.id, 'invalid_token_id', 'Received invalid token');
      sim.auth.setExpiry(token, msg.enable_expiry as boolean);
      conn.reply(resultMessage(msg.id, {}));
    },
  },
  {
    // 2024.1: every token of the user, long-lived ones too; the current one right after the answer.
    type: 'auth/delete_all_refresh_tokens',
    generations: ['2024.1'],
    fields: [],
    handler: (sim, conn, msg) => deleteAllRefreshTokens(sim, conn, msg.id, null, true, 0),
  },
  {
    // 2026.2: `token_type` limits it to one type (without it long-lived tokens go too), and the
    // current token goes 2 s after the answer (`DELETE_CURRENT_TOKEN_DELAY`) unless
    // `delete_current_token` is false (`websocket_delete_all_refresh_tokens`).
    type: 'auth/delete_all_refresh_tokens',
    generations: ['2026.2'],
    fields: [
      { key: 'token_type', validate: ofType('str') },
      { key: 'delete_current_token', validate: ofType('bool'), default: true },
    ],
    handler: (sim, conn, msg) =>
      deleteAllRefreshTokens(
        sim,
        conn,
        msg.id,
        (msg.token_type as string | undefined) ?? null,
        msg.delete_current_token as boolean,
        DELETE_CURRENT_TOKEN_DELAY_MS,
      ),
  },
];

const DELETE_CURRENT_TOKEN_DELAY_MS = 2000;

function deleteAllRefreshTokens(
  sim: SimContext,
  conn: SimConnection,
  id: number,
  tokenType: string | null,
  deleteCurrent: boolean,
  currentDelayMs: number,
): void {
  const current = conn.refreshTokenId;
  for (const token of sim.auth.tokensOf(conn.user!.id)) {
    if (token.id === current) continue;
    if (tokenType !== null && token.type !== tokenType) continue;
    sim.auth.deleteRefreshToken(token.id);
  }
  conn.reply(resultMessage(id, {}));
  const currentType = current && sim.auth.refreshToken(current)?.type;
  if (!current || !deleteCurrent || (tokenType !== null && currentType !== tokenType)) return;
  const remove = () => sim.auth.deleteRefreshToken(current);
  if (currentDelayMs > 0) setTimeout(remove, currentDelayMs);
  else setImmediate(remove);
}
