/**
 * Polls until `check` returns true; for conditions that real sockets reach eventually. The
 * timeout is a ceiling for a loaded machine, not a wait: a check that holds returns at once.
 */
export async function waitFor(
  check: () => boolean,
  what = 'condition',
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
