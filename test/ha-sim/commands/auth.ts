import { haTimeOf } from '../time';
import { ofType } from '../schema';
import { resultMessage } from '../ws/messages';
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
        // Set when the token is made and, for long-lived tokens, never again.
        last_used_at: haTimeOf(t.createdAt),
        last_used_ip: t.lastUsedIp,
        auth_provider_type: t.authProviderType,
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
];
