import tls from 'node:tls';

/**
 * Where the certificate authorities HA Tray trusts come from, as PEM strings. Behind an
 * interface so tests inject a generated CA and never touch the machine's store.
 */
export type TrustedCaSource = () => readonly string[];

type GetCaCertificates = (type: 'default' | 'system') => string[];

/**
 * Node's bundled Mozilla roots plus the operating system's store, so that a private CA the user
 * installed (macOS Keychain, Windows certificate store, /etc/ssl on Linux) works for REST and the
 * WebSocket alike. `tls.getCACertificates('system')` exists from Node 22.15 / 23.10; Electron 45
 * ships Node 24 (its package depends on @types/node ^24.9), so the packaged app has it. Node 20,
 * which runs the tests, has not: there the bundled roots are all there is, and tests inject
 * their own CA instead.
 */
export function systemTrustedCas(
  getCaCertificates: GetCaCertificates | undefined = (
    tls as { getCACertificates?: GetCaCertificates }
  ).getCACertificates,
): readonly string[] {
  if (!getCaCertificates) return tls.rootCertificates;
  return [...new Set([...getCaCertificates('default'), ...getCaCertificates('system')])];
}

/** Read once: the store does not change while the app runs, and reading it is not free. */
export function cachedCaSource(read: () => readonly string[] = systemTrustedCas): TrustedCaSource {
  let cas: readonly string[] | null = null;
  return () => (cas ??= read());
}
