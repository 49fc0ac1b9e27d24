import type { AboutInfo, DiagnosticsOptions } from '../../shared/diagnostics';
import { redact } from '../log/redact';

export interface ReportInput {
  about: AboutInfo;
  /** Each instance, in the user's order. */
  homes: HomeReport[];
  /** Every token the app holds: removed wherever it appears, whatever the options. */
  secrets: string[];
}

export interface HomeReport {
  name: string;
  connection: string;
  /** The saved Home Assistant origin, or null. */
  origin: string | null;
  /** The keyring that protects the token ("GNOME Keyring (libsecret)"). */
  protection: string;
  /** Favourites and the tray sensor, by entity id. */
  entityIds: string[];
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
  const { about, homes } = input;
  const allEntityIds = [...new Set(homes.flatMap((home) => home.entityIds))];
  const entityNames = (id: string) =>
    options.redactEntityNames ? `[entity ${allEntityIds.indexOf(id) + 1}]` : id;
  const homeLines = (home: HomeReport) => [
    `Address: ${home.origin ?? 'not set up'}`,
    `Connection: ${home.connection}`,
    `Token storage: ${home.protection}`,
    `Entities in the tray: ${home.entityIds.length ? home.entityIds.map(entityNames).join(', ') : 'none'}`,
  ];
  const lines = [
    '## HA Tray diagnostics',
    `HA Tray ${about.versions.app} (Electron ${about.versions.electron}, Chromium ${about.versions.chromium}, Node ${about.versions.node})`,
    `System: ${about.platform}`,
    `Home Assistant: ${about.homeAssistant ?? 'not connected'}`,
    ...(homes.length === 1
      ? homeLines(homes[0]!)
      : homes.flatMap((home, index) => [
          '',
          `### Home Assistant ${index + 1}${options.redactAddress ? '' : `: ${home.name}`}`,
          ...homeLines(home),
        ])),
    '',
    `## Connection history (last ${about.history.length})`,
    ...about.history.map(
      (event) => `${new Date(event.at).toISOString()} ${event.kind}: ${event.detail}`,
    ),
  ];
  let text = lines.join('\n');
  if (options.redactEntityNames)
    allEntityIds.forEach((id) => (text = replaceAll(text, id, entityNames(id))));
  if (options.redactAddress)
    for (const { origin } of homes) {
      if (!origin) continue;
      text = replaceAll(text, origin, '[address]');
      text = replaceAll(text, hostOf(origin), '[host]');
    }
  return `${redact(text, input.secrets)}\n`;
}
