import type { AboutInfo, DiagnosticsOptions } from '../../shared/diagnostics';
import { redact } from '../log/redact';

export interface ReportInput {
  about: AboutInfo;
  connection: string;
  /** The saved Home Assistant origin, or null. */
  origin: string | null;
  /** The keyring that protects the token ("GNOME Keyring (libsecret)"). */
  protection: string;
  /** Favourites and the tray sensor, by entity id. */
  entityIds: string[];
  /** Every token the app holds: removed wherever it appears, whatever the options. */
  secrets: string[];
}

function hostOf(origin: string): string {
  return new URL(origin).hostname.replace(/^\[|\]$/g, '');
}

function replaceAll(text: string, find: string, by: string): string {
  return find ? text.split(find).join(by) : text;
}

/**
 * The text a user pastes into a bug report. The token is never in it; the address and the
 * entity names are left out when the user asks.
 */
export function diagnosticsReport(input: ReportInput, options: DiagnosticsOptions): string {
  const { about } = input;
  const entityNames = (id: string, index: number) =>
    options.redactEntityNames ? `[entity ${index + 1}]` : id;
  const lines = [
    '## HA Tray diagnostics',
    `HA Tray ${about.versions.app} (Electron ${about.versions.electron}, Chromium ${about.versions.chromium}, Node ${about.versions.node})`,
    `System: ${about.platform}`,
    `Home Assistant: ${about.homeAssistant ?? 'not connected'}`,
    `Address: ${input.origin ?? 'not set up'}`,
    `Connection: ${input.connection}`,
    `Token storage: ${input.protection}`,
    `Entities in the tray: ${input.entityIds.length ? input.entityIds.map(entityNames).join(', ') : 'none'}`,
    '',
    `## Connection history (last ${about.history.length})`,
    ...about.history.map(
      (event) => `${new Date(event.at).toISOString()} ${event.kind}: ${event.detail}`,
    ),
  ];
  let text = lines.join('\n');
  if (options.redactEntityNames)
    input.entityIds.forEach((id, index) => (text = replaceAll(text, id, entityNames(id, index))));
  if (options.redactAddress && input.origin) {
    text = replaceAll(text, input.origin, '[address]');
    text = replaceAll(text, hostOf(input.origin), '[host]');
  }
  return `${redact(text, input.secrets)}\n`;
}
