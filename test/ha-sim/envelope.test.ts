import { describe, expect, it } from 'vitest';
import { useSimulator } from './test-helpers';

const { start, login } = useSimulator();

const error = (id: unknown, code: string, message: string) => ({
  id,
  type: 'result',
  success: false,
  error: { code, message },
});

describe('command envelope', () => {
  it('answers ping with pong, not with a result', async () => {
    const client = await login(await start());
    expect(await client.commandWithId(7, { type: 'ping' })).toEqual({ id: 7, type: 'pong' });
  });

  it('requires ids to increase, with gaps allowed', async () => {
    const client = await login(await start());
    expect((await client.commandWithId(5, { type: 'ping' })).type).toBe('pong');
    expect(await client.commandWithId(5, { type: 'ping' })).toEqual(
      error(5, 'id_reuse', 'Identifier values have to increase.'),
    );
    expect((await client.commandWithId(3, { type: 'get_config' })).error.code).toBe('id_reuse');
    expect((await client.commandWithId(900, { type: 'get_config' })).success).toBe(true);
  });

  it('uses up an id when the command was dispatched, even if its schema failed, but not when unknown', async () => {
    const client = await login(await start());
    expect(await client.commandWithId(4, { type: 'no_such_command' })).toEqual(
      error(4, 'unknown_command', 'Unknown command.'),
    );
    expect((await client.commandWithId(4, { type: 'ping' })).type).toBe('pong');
    expect((await client.commandWithId(6, { type: 'get_states', bogus: true })).error.code).toBe(
      'invalid_format',
    );
    expect((await client.commandWithId(6, { type: 'ping' })).error.code).toBe('id_reuse');
  });

  it.each([
    ['no id', { type: 'ping' }, null],
    ['id 0', { id: 0, type: 'ping' }, 0],
    ['a string id', { id: '3', type: 'ping' }, '3'],
    ['a fractional id', { id: 2.5, type: 'ping' }, 2.5],
    ['no type', { id: 3 }, 3],
    ['an empty type', { id: 3, type: '' }, 3],
  ])('refuses a message with %s as incorrectly formatted', async (_name, message, id) => {
    const client = await login(await start());
    client.sendJson(message);
    expect(await client.next((m) => m.type === 'result')).toEqual(
      error(id, 'invalid_format', 'Message incorrectly formatted.'),
    );
  });

  it('answers a negative id with id_reuse, as Home Assistant compares before anything else', async () => {
    const client = await login(await start());
    expect((await client.commandWithId(-1, { type: 'ping' })).error.code).toBe('id_reuse');
  });

  it("rejects unknown keys with voluptuous' words", async () => {
    const client = await login(await start());
    expect(await client.commandWithId(1, { type: 'get_states', bogus: 'x' })).toEqual(
      error(1, 'invalid_format', "extra keys not allowed @ data['bogus']. Got 'x'"),
    );
    expect(
      (
        await client.commandWithId(2, {
          type: 'call_service',
          service: 'turn_on',
          target: { entity: 'light.kitchen' },
        })
      ).error.message,
    ).toBe(
      "extra keys not allowed @ data['target']['entity']. Got 'light.kitchen'\nrequired key not provided @ data['domain']. Got None",
    );
  });

  it('handles a JSON array of commands in one frame, and a non-object inside it as malformed', async () => {
    const client = await login(await start());
    client.sendJson([{ id: 1, type: 'ping' }, 42, { id: 2, type: 'ping' }]);
    expect(await client.next((m) => m.id === 2)).toEqual({ id: 2, type: 'pong' });
    expect(client.messages).toEqual([
      { id: 1, type: 'pong' },
      error(0, 'invalid_format', 'Message incorrectly formatted.'),
    ]);
  });

  it('sends JSON arrays only after the client enabled coalesce_messages, for what is sent together', async () => {
    const sim = await start();
    const client = await login(sim);
    client.sendJson([
      { id: 1, type: 'ping' },
      { id: 2, type: 'ping' },
    ]);
    await client.next((m) => m.id === 2);
    expect(client.frames.some((f) => f.startsWith('['))).toBe(false);

    expect(
      await client.commandWithId(3, {
        type: 'supported_features',
        features: { coalesce_messages: 1 },
      }),
    ).toEqual({ id: 3, type: 'result', success: true, result: null });
    client.frames.length = 0;
    client.sendJson([
      { id: 10, type: 'ping' },
      { id: 11, type: 'ping' },
    ]);
    await client.next((m) => m.id === 11);
    expect(client.frames).toEqual(['[{"id":10,"type":"pong"},{"id":11,"type":"pong"}]']);
    expect(sim.stats.coalescedFrames).toBe(1);
    // A lone message still goes out as a plain object.
    await client.commandWithId(12, { type: 'ping' });
    expect(client.frames.at(-1)).toBe('{"id":12,"type":"pong"}');
  });

  it('validates supported_features', async () => {
    const client = await login(await start());
    expect(
      (await client.commandWithId(1, { type: 'supported_features', features: [] })).error.message,
    ).toBe("expected a dictionary for dictionary value @ data['features']. Got []");
    expect(
      (
        await client.commandWithId(2, {
          type: 'supported_features',
          features: { coalesce_messages: 'yes' },
        })
      ).error.message,
    ).toBe("expected int @ data['features']['coalesce_messages']. Got 'yes'");
  });

  it('drops a client that sends text that is not JSON', async () => {
    const client = await login(await start());
    client.socket.send('{"id": 1, "type": "ping"');
    expect((await client.closed).code).toBe(1000);
  });

  it('ignores a binary frame after auth', async () => {
    const client = await login(await start());
    client.socket.send(Buffer.from([1, 2, 3]));
    expect((await client.commandWithId(1, { type: 'ping' })).type).toBe('pong');
  });

  it('answers WebSocket ping frames', async () => {
    const client = await login(await start());
    const pong = new Promise<Buffer>((resolve) => client.socket.once('pong', resolve));
    client.socket.ping('are you there');
    expect((await pong).toString()).toBe('are you there');
  });
});
