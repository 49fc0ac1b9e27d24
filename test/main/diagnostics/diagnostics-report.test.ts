import { describe, expect, it } from 'vitest';
import { TEST_VERSIONS } from '../../fakes/desktop-platform';
import {
  diagnosticsReport,
  type ReportInput,
} from '../../../src/main/diagnostics/diagnostics-report';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJhYmMifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const input: ReportInput = {
  about: {
    versions: TEST_VERSIONS,
    homeAssistant: '2024.1.6',
    platform: 'linux x64',
    logFile: '/home/alice/.config/HA Tray/logs/ha-tray.log',
    history: [
      {
        at: Date.UTC(2026, 11, 2, 9),
        kind: 'connected',
        detail: 'Connected to Home Assistant 2024.1.6',
      },
      {
        at: Date.UTC(2026, 11, 2, 10),
        kind: 'dropped',
        detail: 'Connection lost: connect ECONNREFUSED ha.example.lan:8123; retry in 2 s',
      },
      { at: Date.UTC(2026, 11, 2, 11), kind: 'retry', detail: `odd reply with ${TOKEN}` },
    ],
  },
  homes: [
    {
      name: 'Home',
      connection: 'Connected',
      origin: 'http://ha.example.lan:8123',
      protection: 'GNOME Keyring (libsecret)',
      entityIds: ['light.kitchen', 'sensor.outside_temperature'],
    },
  ],
  secrets: [TOKEN],
};
const cabin = {
  name: 'Cabin',
  connection: 'Reconnecting',
  origin: 'https://cabin.example.net',
  protection: 'GNOME Keyring (libsecret)',
  entityIds: ['light.porch', 'light.kitchen'],
};

describe('diagnosticsReport', () => {
  it('gives versions, the setup and the history as text for a bug report', () => {
    const text = diagnosticsReport(input, { redactAddress: false, redactEntityNames: false });
    expect(text).toContain(
      'HA Tray 0.1.0 (Electron 45.4.1, Chromium 142.0.7444.265, Node 22.20.0)',
    );
    expect(text).toContain('Home Assistant: 2024.1.6');
    expect(text).toContain('Address: http://ha.example.lan:8123');
    expect(text).toContain('Entities in the tray: light.kitchen, sensor.outside_temperature');
    expect(text).toContain(
      '2026-12-02T10:00:00.000Z dropped: Connection lost: connect ECONNREFUSED',
    );
    expect(text).toContain('## Connection history (last 3)');
  });

  it('never contains the token, whatever the user chose', () => {
    const text = diagnosticsReport(input, { redactAddress: false, redactEntityNames: false });
    expect(text).not.toContain(TOKEN);
    // The log file's path names the user's home folder: the About page shows it, the report not.
    expect(text).not.toContain('alice');
    expect(text).not.toContain('c2lnbmF0dXJlLXNpZ25hdHVyZQ');
  });

  it('leaves out the address and the entity names when asked', () => {
    const text = diagnosticsReport(input, { redactAddress: true, redactEntityNames: true });
    expect(text).not.toMatch(/ha\.example\.lan|light\.kitchen|outside_temperature/);
    expect(text).toContain('Address: [address]');
    expect(text).toContain('ECONNREFUSED [host]:8123');
    expect(text).toContain('Entities in the tray: [entity 1], [entity 2]');
  });

  it('gives each instance its part when there are several, and redacts them all', () => {
    const several = { ...input, homes: [...input.homes, cabin] };
    const text = diagnosticsReport(several, { redactAddress: false, redactEntityNames: false });
    expect(text).toContain('### Home Assistant 1: Home\nAddress: http://ha.example.lan:8123');
    expect(text).toContain('### Home Assistant 2: Cabin\nAddress: https://cabin.example.net');
    expect(text).toContain('Connection: Reconnecting');
    const hidden = diagnosticsReport(several, { redactAddress: true, redactEntityNames: true });
    expect(hidden).not.toMatch(/ha\.example\.lan|cabin\.example|Cabin|light\.porch|kitchen/);
    expect(hidden).toContain('### Home Assistant 2\n');
    expect(hidden).toContain('Entities in the tray: [entity 3], [entity 1]');
  });
});
