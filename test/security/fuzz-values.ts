/** A small seeded generator (mulberry32), so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'url',
  'port',
  'token',
  'entityId',
  'action',
  'kind',
  'confirmed',
  'favourites',
  'ui',
  'storage',
  'trust',
  'connection',
  'instance',
  'instances',
  'key',
  'origin',
  'ids',
  'confirm',
  '__proto__',
  'constructor',
  'then',
  '',
];

const STRINGS = [
  '',
  ' ',
  'http://127.0.0.1:1',
  'http://localhost',
  'https://203.0.113.1',
  'ha.example.com',
  'homeassistant.local:8123',
  'javascript:alert(1)',
  'file:///etc/passwd',
  '//evil.example/',
  '/profile/security',
  'light.kitchen',
  'Bearer ',
  '\u200B\u200C\u200D\u2060\uFEFF',
  '../../../../etc/passwd',
  '%2E%2E/%00',
  'CommandOrControl+Alt+H',
  '0',
  '65536',
  '-1',
  'connection',
  'day',
  'a.b.c',
  // Instance keys: well-formed but unknown, and malformed ones.
  'cabin',
  'FIRST',
  'first/../first',
  'first\u0000',
  'k'.repeat(41),
];

/** Random values of every kind IPC's structured clone can carry, and then some. */
export function randomValue(random: () => number, depth = 0): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const roll = random();
  if (depth >= 3 || roll < 0.35) {
    return pick<() => unknown>([
      () => null,
      () => undefined,
      () => random() < 0.5,
      () => pick([0, -0, 1, -1, 65535, 65536, 2 ** 53, NaN, Infinity, -Infinity, 1.5]),
      () => pick(STRINGS),
      () => 'x'.repeat(Math.floor(random() * 5000)),
      () => pick(STRINGS) + String.fromCharCode(Math.floor(random() * 0xffff)),
      () => BigInt(Math.floor(random() * 1000)),
      () => new Date(Math.floor(random() * 2e12)),
      () => new Uint8Array([1, 2, 3]),
    ])();
  }
  if (roll < 0.65) {
    const length = 1 + Math.floor(random() * 3);
    return Array.from({ length }, () => randomValue(random, depth + 1));
  }
  const object: Record<string, unknown> = random() < 0.1 ? Object.create(null) : {};
  const count = Math.floor(random() * 4);
  for (let i = 0; i < count; i++)
    Object.defineProperty(object, pick(KEYS), {
      value: randomValue(random, depth + 1),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  return object;
}

/** A payload that is never the empty argument list, so that no request without arguments runs. */
export function randomPayload(random: () => number): unknown {
  const roll = random();
  if (roll < 0.15) return randomValue(random, 1);
  const length = 1 + Math.floor(random() * 2);
  return Array.from({ length }, () => randomValue(random, 1));
}

/**
 * A valid payload with one thing changed: one argument replaced (an instance key, say), or a field
 * of an object argument replaced, removed or added.
 */
export function mutate(sample: unknown[], random: () => number): unknown {
  const copy = structuredClone(sample) as unknown[];
  const index = Math.floor(random() * copy.length);
  const target = copy[index];
  if (typeof target !== 'object' || target === null || random() < 0.2) {
    copy[index] = randomValue(random, 1);
    return copy;
  }
  const record = target as Record<string, unknown>;
  const keys = Object.keys(record);
  const roll = random();
  if (roll < 0.6 && keys.length > 0)
    record[keys[Math.floor(random() * keys.length)]!] = randomValue(random, 2);
  else if (roll < 0.8 && keys.length > 0) delete record[keys[Math.floor(random() * keys.length)]!];
  else record[KEYS[Math.floor(random() * KEYS.length)]!] = randomValue(random, 2);
  return copy;
}
