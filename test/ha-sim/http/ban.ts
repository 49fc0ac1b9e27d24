/**
 * Home Assistant's IP ban (http/ban.py): with `login_attempts_threshold` set, every failed login
 * (a REST 401, a WebSocket `auth_invalid` for a bad token) counts for the client's address, a
 * successful WebSocket login resets the count, and at the threshold the address is banned: every
 * later request from it gets 403, the WebSocket upgrade included.
 */
export class BanList {
  private readonly failures = new Map<string, number>();
  private readonly bans = new Set<string>();

  constructor(private readonly threshold: number | null) {}

  get banned(): ReadonlySet<string> {
    return this.bans;
  }

  isBanned(ip: string): boolean {
    return this.bans.has(ip);
  }

  recordFailure(ip: string): void {
    if (this.threshold === null || this.threshold < 1) return;
    const count = (this.failures.get(ip) ?? 0) + 1;
    this.failures.set(ip, count);
    if (count >= this.threshold) this.bans.add(ip);
  }

  recordSuccess(ip: string): void {
    this.failures.delete(ip);
  }

  clear(): void {
    this.bans.clear();
    this.failures.clear();
  }
}

/** Node reports IPv4 peers of a dual-stack socket as ::ffff:a.b.c.d. */
export function normaliseIp(address: string | undefined): string {
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
