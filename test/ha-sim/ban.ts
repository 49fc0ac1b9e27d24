/**
 * Home Assistant's IP ban (http/ban.py): with `login_attempts_threshold` set, an address is banned
 * once its failed logins reach the threshold, and every later request from it gets 403.
 */
export class BanList {
  private readonly failures = new Map<string, number>();
  readonly banned = new Set<string>();

  constructor(private readonly threshold: number | null) {}

  recordFailure(ip: string): void {
    if (this.threshold === null || this.threshold <= 0) return;
    const count = (this.failures.get(ip) ?? 0) + 1;
    this.failures.set(ip, count);
    if (count >= this.threshold) this.banned.add(ip);
  }

  isBanned(ip: string): boolean {
    return this.banned.has(ip);
  }

  clear(): void {
    this.banned.clear();
    this.failures.clear();
  }
}

/** Node reports IPv4 peers on a dual-stack socket as ::ffff:a.b.c.d. */
export function normaliseIp(address: string | undefined): string {
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
