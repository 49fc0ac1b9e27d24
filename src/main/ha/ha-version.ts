/**
 * Whether a Home Assistant version (the `ha_version` of `auth_ok`, e.g. "2024.1.6" or
 * "2026.2.0.dev20260101") is at least `year.month`. A version that cannot be read counts as new
 * enough: the caller falls back quietly when Home Assistant refuses the command anyway.
 */
export function haVersionAtLeast(
  version: string | undefined,
  year: number,
  month: number,
): boolean {
  const match = /^(\d{4})\.(\d{1,2})(?:\.|$)/.exec(version ?? '');
  if (!match) return true;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > year || (major === year && minor >= month);
}

/** The error codes of a Home Assistant too old for a command or one of its fields. */
export const isRefusedAsTooOld = (error: unknown): boolean => {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'invalid_format' || code === 'unknown_command';
};
