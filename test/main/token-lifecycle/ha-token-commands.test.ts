import { describe, expect, it } from 'vitest';
import type { CommandSender } from '../../../src/main/token-lifecycle/ha-token-commands';
import { haTokenCommands } from '../../../src/main/token-lifecycle/ha-token-commands';

/** Answers commands by type and records what was sent. */
function sender(answers: Record<string, () => unknown>) {
  const sent: Record<string, unknown>[] = [];
  const send: CommandSender['send'] = async <T>(message: { type: string }) => {
    sent.push(message);
    const answer = answers[message.type];
    if (!answer) throw { code: 'unknown_command', message: 'Unknown command.' };
    return answer() as T;
  };
  return { sent, sender: { send } };
}

const noVerify = () => Promise.reject(new Error('not used'));

describe("Home Assistant's token commands", () => {
  it('creates a long-lived token with a name and a lifespan in days', async () => {
    const { sent, sender: s } = sender({ 'auth/long_lived_access_token': () => 'new.token.value' });
    expect(
      await haTokenCommands(s, noVerify).createToken('HA Tray on desk 2025-01-15 09:30', 180),
    ).toBe('new.token.value');
    expect(sent).toEqual([
      {
        type: 'auth/long_lived_access_token',
        client_name: 'HA Tray on desk 2025-01-15 09:30',
        lifespan: 180,
      },
    ]);
  });

  it('refuses a lifespan Home Assistant would not take, before sending', async () => {
    const { sent, sender: s } = sender({});
    const port = haTokenCommands(s, noVerify);
    await expect(port.createToken('x', 0)).rejects.toThrow(RangeError);
    await expect(port.createToken('x', 1.5)).rejects.toThrow(RangeError);
    expect(sent).toEqual([]);
  });

  it('lists the tokens with dates as epoch milliseconds, skipping unknown types', async () => {
    const { sender: s } = sender({
      'auth/refresh_tokens': () => [
        {
          id: 'a',
          client_id: null,
          client_name: 'Phone',
          client_icon: null,
          type: 'long_lived_access_token',
          created_at: '2024-01-05T10:00:00.123456+00:00',
          is_current: false,
          last_used_at: '2024-01-05T10:00:00+00:00',
          last_used_ip: null,
          auth_provider_type: 'homeassistant',
        },
        {
          id: 'b',
          client_id: 'http://x/',
          client_name: null,
          client_icon: null,
          type: 'normal',
          created_at: '2024-02-01T00:00:00+00:00',
          is_current: true,
          last_used_at: null,
          last_used_ip: null,
          auth_provider_type: 'homeassistant',
        },
        {
          id: 'c',
          client_name: 'Future',
          type: 'something_new',
          created_at: 'later',
          is_current: false,
        },
      ],
    });
    expect(await haTokenCommands(s, noVerify).listRefreshTokens()).toEqual([
      {
        id: 'a',
        clientName: 'Phone',
        clientId: null,
        type: 'long_lived_access_token',
        createdAt: Date.UTC(2024, 0, 5, 10, 0, 0, 123),
        expireAt: null,
        isCurrent: false,
      },
      {
        id: 'b',
        clientName: null,
        clientId: 'http://x/',
        type: 'normal',
        createdAt: Date.UTC(2024, 1, 1),
        expireAt: null,
        isCurrent: true,
      },
    ]);
  });

  it("reads Home Assistant's deletion date (expire_at, 2024.2 on)", async () => {
    const entry = { id: 'a', client_name: 'x', type: 'long_lived_access_token', is_current: true };
    const { sender: s } = sender({
      'auth/refresh_tokens': () => [
        {
          ...entry,
          created_at: '2026-01-10T00:00:00+00:00',
          expire_at: '2026-04-10T00:00:00+00:00',
        },
        { ...entry, id: 'b', created_at: '2026-01-10T00:00:00+00:00', expire_at: null },
      ],
    });
    const [on, off] = await haTokenCommands(s, noVerify).listRefreshTokens();
    expect(on!.expireAt).toBe(Date.UTC(2026, 3, 10));
    expect(off!.expireAt).toBeNull();
  });

  it('rejects a token list of the wrong shape', async () => {
    const { sender: s } = sender({ 'auth/refresh_tokens': () => ({ nope: true }) });
    await expect(haTokenCommands(s, noVerify).listRefreshTokens()).rejects.toThrow(
      'unexpected token list',
    );
  });

  it('deletes one token by id, and treats an already deleted one as done', async () => {
    let missing = false;
    const { sent, sender: s } = sender({
      'auth/delete_refresh_token': () => {
        if (missing) throw { code: 'invalid_token_id', message: 'Received invalid token' };
        return {};
      },
    });
    const port = haTokenCommands(s, noVerify);
    await port.deleteRefreshToken('abc');
    missing = true;
    await port.deleteRefreshToken('abc');
    expect(sent).toEqual([
      { type: 'auth/delete_refresh_token', refresh_token_id: 'abc' },
      { type: 'auth/delete_refresh_token', refresh_token_id: 'abc' },
    ]);
    expect(sent.some((m) => m.type === 'auth/delete_all_refresh_tokens')).toBe(false);
  });

  it('passes other delete failures on', async () => {
    const { sender: s } = sender({
      'auth/delete_refresh_token': () => {
        throw { code: 'token_removing_error', message: 'x' };
      },
    });
    await expect(haTokenCommands(s, noVerify).deleteRefreshToken('abc')).rejects.toMatchObject({
      code: 'token_removing_error',
    });
  });

  it('asks who the current user is', async () => {
    const { sender: s } = sender({
      'auth/current_user': () => ({
        id: 'u1',
        name: 'Ann',
        is_owner: true,
        is_admin: true,
        credentials: [],
        mfa_modules: [],
      }),
    });
    expect(await haTokenCommands(s, noVerify).currentUser()).toEqual({
      userId: 'u1',
      userName: 'Ann',
    });
  });

  it('never puts a malformed answer (possibly a token) into its error', async () => {
    const { sender: s } = sender({
      'auth/long_lived_access_token': () => ({ secret: 'eyJhbGciOi' }),
    });
    const error = await haTokenCommands(s, noVerify)
      .createToken('x', 1)
      .catch((e: Error) => e);
    expect(String(error)).not.toContain('eyJhbGciOi');
  });
});
