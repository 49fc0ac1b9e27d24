import { isIPv4, isIPv6 } from 'node:net';
import { normaliseInstanceUrl } from '../../shared/instance-url';
import { haVersionAtLeast } from '../ha/ha-version';
import type { AnnouncedService } from './service-browser';

/** What one Home Assistant's announcement says about it, before any address was tried. */
export interface Announcement {
  /** The announcement's service name: what a goodbye names. */
  service: string;
  uuid: string;
  locationName: string;
  version: string | null;
  /** False for a Home Assistant older than 2024.1, the oldest HA Tray supports. */
  supported: boolean;
  /** The origins it may be reached at, best first; each must answer a probe before it is offered. */
  origins: string[];
}

/** Home Assistant's instance id is a uuid4 in hex; anything longer or stranger is not one. */
const INSTANCE_ID = /^[A-Za-z0-9-]{1,64}$/;

/** A TXT value, or null when it is missing or empty (Home Assistant announces '' for "none"). */
function field(txt: Record<string, string>, key: string): string | null {
  const value = txt[key]?.trim();
  return value ? value : null;
}

/** `http://address:port`, or null for an address no URL can reach (IPv6 link-local needs a zone). */
function originOf(address: string, port: number): string | null {
  if (isIPv4(address)) return `http://${address}:${port}`;
  if (isIPv6(address) && !/^fe80:/i.test(address)) return `http://[${address}]:${port}`;
  return null;
}

/**
 * Reads an answer as Home Assistant writes it (TXT keys from its components/zeroconf): the
 * `uuid` is required (an answer without one is skipped: nothing could recognise it again); the
 * name is `location_name`, else the host. Addresses, best first: `internal_url`, then the
 * announced addresses with the SRV port, IPv4 before IPv6. `external_url` and `base_url` are not
 * the home address (base_url may be a cloud address) and are never used here.
 */
export function readAnnouncement(service: AnnouncedService): Announcement | null {
  const uuid = field(service.txt, 'uuid');
  if (!uuid || !INSTANCE_ID.test(uuid)) return null;
  const version = field(service.txt, 'version');
  const internal = field(service.txt, 'internal_url');
  const internalOrigin = internal ? normaliseInstanceUrl(internal) : null;
  const announced = [
    ...service.addresses.filter((a) => isIPv4(a)),
    ...service.addresses.filter((a) => !isIPv4(a)),
  ].map((address) => (service.port > 0 ? originOf(address, service.port) : null));
  const origins = [internalOrigin?.ok ? internalOrigin.value.origin : null, ...announced].filter(
    (origin): origin is string => origin !== null,
  );
  return {
    service: service.name,
    uuid,
    locationName: field(service.txt, 'location_name') ?? service.host.replace(/\.$/, ''),
    version,
    supported: version === null || haVersionAtLeast(version, 2024, 1),
    origins: [...new Set(origins)],
  };
}
