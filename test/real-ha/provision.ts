import { revokeRefreshToken } from '../support/oauth-token-client';
import { RawClient } from '../support/raw-ws-client';

const PASSWORD = 'ha-tray-test-password';

async function post(
  url: string,
  body: Record<string, unknown>,
  form = false,
): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: form
      ? new URLSearchParams(body as Record<string, string>).toString()
      : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok)
    throw new Error(
      `POST ${new URL(url).pathname} failed: HTTP ${res.status} ${text.slice(0, 200)}`,
    );
  return JSON.parse(text) as Record<string, unknown>;
}

/** The session an authorisation code buys: `{access_token, refresh_token, ...}`. */
function sessionFor(url: string, code: string, clientId: string): Promise<Record<string, unknown>> {
  return post(
    `${url}/auth/token`,
    { grant_type: 'authorization_code', code, client_id: clientId },
    true,
  );
}

async function accessTokenFor(url: string, code: string, clientId: string): Promise<string> {
  return String((await sessionFor(url, code, clientId)).access_token);
}

async function longLivedToken(
  url: string,
  accessToken: string,
  clientName: string,
): Promise<string> {
  const client = await RawClient.authenticated(url, accessToken);
  try {
    const reply = await client.command({
      type: 'auth/long_lived_access_token',
      client_name: clientName,
      lifespan: 3650,
    });
    if (!reply.success)
      throw new Error(`could not create a long-lived token: ${JSON.stringify(reply.error)}`);
    return String(reply.result);
  } finally {
    client.close();
  }
}

/**
 * Creates the owner through onboarding (no browser), signs in with the authorisation code, and
 * makes a long-lived access token over the WebSocket, as a user would in the UI.
 */
export async function provisionOwner(url: string): Promise<{ token: string; accessToken: string }> {
  const clientId = `${url}/`;
  const onboarding = await post(`${url}/api/onboarding/users`, {
    client_id: clientId,
    name: 'Owner',
    username: 'owner',
    password: PASSWORD,
    language: 'en',
  });
  const accessToken = await accessTokenFor(url, String(onboarding.auth_code), clientId);
  return { token: await longLivedToken(url, accessToken, 'HA Tray tests'), accessToken };
}

/** A user `provisionUser` made: their id, a long-lived token, and what they log in with. */
export interface ProvisionedUser {
  id: string;
  token: string;
  username: string;
  password: string;
}

export interface ProvisionUserOptions {
  /**
   * The user's first sign-in (which buys the long-lived token) leaves a `normal` session with
   * client id `<url>/`: 'keep' it (the default), or 'revoke' it so that the user's token list is
   * exactly the long-lived token, for tests that count the tokens a sign-in leaves.
   */
  signInSession?: 'keep' | 'revoke';
}

/** A second, non-admin user with a long-lived token, made by the owner as in Settings → People. */
export async function provisionUser(
  url: string,
  ownerToken: string,
  name: string,
  options: ProvisionUserOptions = {},
): Promise<ProvisionedUser> {
  const owner = await RawClient.authenticated(url, ownerToken);
  const username = name.toLowerCase().replace(/\W+/g, '');
  try {
    const created = await owner.command({
      type: 'config/auth/create',
      name,
      group_ids: ['system-users'],
    });
    if (!created.success)
      throw new Error(`config/auth/create failed: ${JSON.stringify(created.error)}`);
    const userId = String(created.result.user.id);
    const credentials = await owner.command({
      type: 'config/auth_provider/homeassistant/create',
      user_id: userId,
      username,
      password: PASSWORD,
    });
    if (!credentials.success)
      throw new Error(`creating credentials failed: ${JSON.stringify(credentials.error)}`);
    const clientId = `${url}/`;
    const flow = await post(`${url}/auth/login_flow`, {
      client_id: clientId,
      handler: ['homeassistant', null],
      redirect_uri: clientId,
    });
    const done = await post(`${url}/auth/login_flow/${String(flow.flow_id)}`, {
      client_id: clientId,
      username,
      password: PASSWORD,
    });
    const session = await sessionFor(url, String(done.result), clientId);
    const token = await longLivedToken(url, String(session.access_token), `${name} tests`);
    if (options.signInSession === 'revoke')
      await revokeRefreshToken(url, String(session.refresh_token));
    return { id: userId, token, username, password: PASSWORD };
  } finally {
    owner.close();
  }
}

/** Puts entities in areas, as the simulator's default home has them. */
export async function assignAreas(
  url: string,
  token: string,
  areas: Record<string, string[]>,
): Promise<void> {
  const client = await RawClient.authenticated(url, token);
  const key = (name: string) => name.toLowerCase().replace(/\W+/g, '');
  try {
    // Onboarding already creates a few areas (Living room, Kitchen, Bedroom): reuse those.
    const existing = (await client.command({ type: 'config/area_registry/list' })).result as Array<{
      area_id: string;
      name: string;
    }>;
    for (const [name, entityIds] of Object.entries(areas)) {
      let areaId = existing.find((a) => key(a.name) === key(name))?.area_id;
      if (!areaId) {
        const area = await client.command({ type: 'config/area_registry/create', name });
        if (!area.success)
          throw new Error(`creating area ${name} failed: ${JSON.stringify(area.error)}`);
        areaId = String(area.result.area_id);
      }
      for (const entityId of entityIds) {
        const updated = await client.command({
          type: 'config/entity_registry/update',
          entity_id: entityId,
          area_id: areaId,
        });
        if (!updated.success)
          throw new Error(`assigning ${entityId} failed: ${JSON.stringify(updated.error)}`);
      }
    }
  } finally {
    client.close();
  }
}

/** Icons chosen in the entity settings dialog (registry options, not state attributes). */
export async function setRegistryIcons(
  url: string,
  token: string,
  icons: Record<string, string>,
): Promise<void> {
  const client = await RawClient.authenticated(url, token);
  try {
    for (const [entityId, icon] of Object.entries(icons)) {
      const updated = await client.command({
        type: 'config/entity_registry/update',
        entity_id: entityId,
        icon,
      });
      if (!updated.success)
        throw new Error(`setting the icon of ${entityId} failed: ${JSON.stringify(updated.error)}`);
    }
  } finally {
    client.close();
  }
}
