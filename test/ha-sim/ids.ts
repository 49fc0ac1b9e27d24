import { randomBytes } from 'node:crypto';

/** Like Home Assistant's `uuid4().hex`, used for users and refresh tokens. */
export function hexId(): string {
  return randomBytes(16).toString('hex');
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID, as Home Assistant uses for context ids (`ulid_now()`). */
export function ulid(nowMs = Date.now()): string {
  let time = '';
  let t = nowMs;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const random = [...randomBytes(16)].map((b) => CROCKFORD[b % 32]).join('');
  return time + random;
}
