/** Message builders with Home Assistant's exact shapes (websocket_api/messages.py). */
export type Message = Record<string, unknown>;

export const result = (id: number, value: unknown = null): Message => ({
  id,
  type: 'result',
  success: true,
  result: value,
});

export const error = (id: number | null | undefined, code: string, message: string): Message => ({
  id: id ?? null,
  type: 'result',
  success: false,
  error: { code, message },
});

export const event = (id: number, value: unknown): Message => ({ id, type: 'event', event: value });

export const pong = (id: number): Message => ({ id, type: 'pong' });

/** voluptuous' wording for a key a command schema does not allow. */
export function extraKeys(
  msg: Message,
  allowed: readonly string[],
  base: readonly string[] = ['id', 'type'],
): string | null {
  const extra = Object.keys(msg).find((key) => !base.includes(key) && !allowed.includes(key));
  return extra === undefined
    ? null
    : `extra keys not allowed @ data['${extra}']. Got ${pyRepr(msg[extra])}`;
}

function pyRepr(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  return JSON.stringify(value);
}
