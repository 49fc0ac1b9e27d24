import { randomBytes } from 'node:crypto';

/** A hex id like Home Assistant's `uuid4().hex` (users, refresh tokens). */
export function hexId(): string {
  return randomBytes(16).toString('hex');
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID-shaped context id, as Home Assistant uses for contexts. */
export function contextId(now = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const random = [...randomBytes(16)].map((b) => CROCKFORD[b % 32]).join('');
  return time + random;
}
