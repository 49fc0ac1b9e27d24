/**
 * The `homeassistant` auth provider (auth/providers/homeassistant.py): usernames and passwords.
 * Usernames compare stripped and case-folded (`Data.normalize_username`); a wrong password and an
 * unknown username are the same `InvalidAuth` to the caller.
 */
export class PasswordProvider {
  private readonly credentials = new Map<string, { userId: string; password: string }>();

  add(username: string, password: string, userId: string): void {
    const key = normaliseUsername(username);
    if (this.credentials.has(key)) throw new Error(`username ${username} already exists`);
    this.credentials.set(key, { userId, password });
  }

  /** The user these credentials belong to, or null (`HassAuthProvider.async_validate_login`). */
  validate(username: string, password: string): string | null {
    const entry = this.credentials.get(normaliseUsername(username));
    return entry && entry.password === password ? entry.userId : null;
  }
}

function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}
