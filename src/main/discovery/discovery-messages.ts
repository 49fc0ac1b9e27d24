/** What the Connection page says when the network gave it nobody to list, in full sentences. */

const TYPED_ADDRESS_WORKS =
  'Typing the address always works, for example http://homeassistant.local:8123.';

/**
 * A browse of a few seconds heard no Home Assistant: the likely causes, the ones of this
 * operating system first.
 */
export function nothingFoundMessage(platform: NodeJS.Platform): string {
  const local =
    platform === 'darwin'
      ? 'On macOS, HA Tray needs the Local Network permission: turn it on in System Settings > Privacy & Security > Local Network. '
      : platform === 'win32'
        ? 'On Windows, the firewall may have asked whether HA Tray may use private networks: allow it in Windows Security > Firewall & network protection > Allow an app through firewall. '
        : '';
  return (
    'No Home Assistant answered on this network. ' +
    local +
    'Home Assistant may be on another network (a guest network, a VPN), or a firewall may block multicast DNS (UDP port 5353). ' +
    TYPED_ADDRESS_WORKS
  );
}

/** This computer cannot browse at all (the port is taken, no multicast, no network). */
export function unavailableMessage(error: Error): string {
  const code = (error as { code?: unknown }).code;
  const why =
    code === 'EADDRINUSE'
      ? 'another program holds the multicast DNS port (UDP 5353)'
      : code === 'EACCES' || code === 'EPERM'
        ? 'the system refused access to multicast DNS (UDP 5353)'
        : code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'EADDRNOTAVAIL'
          ? 'no network here carries multicast'
          : `the network refused it${typeof code === 'string' ? ` (${code})` : ''}`;
  return `HA Tray cannot look for Home Assistant on this network: ${why}. ${TYPED_ADDRESS_WORKS}`;
}
