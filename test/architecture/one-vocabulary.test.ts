import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsSections } from '../../src/shared/settings';

/**
 * Each word of the failure vocabulary has one module (docs/architecture.md, "One failure
 * vocabulary"); a second definition anywhere else in src/ fails here, with the module to use.
 */
/** A connection state's name (src/shared/connection-status.ts). */
const STATE = '(not_configured|connecting|reconnecting|connected|offline|auth_failed|banned)';

const RULES: { concept: string; home: string[]; pattern: RegExp }[] = [
  {
    concept: 'a countdown to the next attempt: use retryInSeconds',
    home: ['src/shared/connection-status.ts'],
    pattern: /\.nextRetryAt\b/,
  },
  {
    concept: 'a grouping of connection states: use connectionCategory',
    home: ['src/shared/connection-status.ts'],
    pattern: new RegExp(
      [
        `state\\s*[!=]==\\s*'${STATE}'\\s*(\\|\\||&&)\\s*[\\w.?]*state\\s*[!=]==\\s*'${STATE}'`,
        `case '${STATE}':\\s*case '${STATE}':`,
        `new Set<ConnectionStatus\\['state'\\]>`,
      ].join('|'),
    ),
  },
  {
    concept: 'what to do about a ban: use BAN_HELP (src/shared/connection-words.ts)',
    home: ['src/shared/connection-words.ts'],
    pattern: /ip_bans/,
  },
  {
    concept: 'the certificate problems a pin solves: use isPinnableCertificateFailure',
    home: ['src/shared/probe.ts'],
    pattern: /'tls_\w+',\s*'tls_\w+'/,
  },
  {
    concept: 'whether Home Assistant refused a login: use src/shared/login-refusal.ts',
    home: ['src/shared/login-refusal.ts'],
    pattern: /kind\s*===\s*'auth_invalid'|status\s*===\s*40[13]\b|case 40[13]:/,
  },
  {
    concept: 'an entity history page: use entityHistoryPath (src/shared/ha-page-url.ts)',
    home: ['src/shared/ha-page-url.ts'],
    pattern: /\/history\?entity_id=/,
  },
  {
    concept: 'which Home Assistant a page opens on: use openSavedHaPage',
    home: ['src/main/setup/open-ha-page.ts'],
    pattern: /\.entry\(\)\.origin,\s*path/,
  },
];

const sources = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.(ts|tsx)$/.test(name))
  .map((name) => join('src', name));

describe('one failure vocabulary: each concept is defined in one module', () => {
  it.each(RULES)('$concept', ({ home, pattern }) => {
    const elsewhere = sources.filter(
      (file) => !home.includes(file) && pattern.test(readFileSync(file, 'utf8')),
    );
    expect(elsewhere).toEqual([]);
  });

  it('each rule still finds its own definition (a rule that matches nothing guards nothing)', () => {
    for (const { home, pattern } of RULES)
      expect(home.some((file) => pattern.test(readFileSync(file, 'utf8')))).toBe(true);
  });
});

/**
 * "Connection" names the live link to Home Assistant only: the socket, its status, its
 * supervisor (docs/architecture.md, "Layers"). The Connection page's side is InstanceSetup, and
 * the saved Home Assistant is the settings' `instance` section; each old name that comes back in
 * src/ fails here. `reintroduced` is the old code each rule must catch.
 */
const RETIRED: { name: string; pattern: RegExp; reintroduced: string[] }[] = [
  {
    name: "ConnectionSetup: the Connection page's side is InstanceSetup (src/main/setup/)",
    pattern: /\bConnectionSetup\b|connection-setup/,
    reintroduced: [
      "import { ConnectionSetup } from './connection/connection-setup';",
      'export class ConnectionSetup {',
    ],
  },
  {
    name: 'a settings `connection` section: the saved Home Assistant is `instance`',
    pattern:
      /settings\.connection\b|get\(\)\.connection\b|\.connection\?\.origin\b|settingsSections\.connection\b|setConnection\(|\{\s*connection\s*\}\s*=\s*[\w.]*settings\b/,
    reintroduced: [
      'origin: settings.connection?.origin ?? null,',
      'const origin = this.deps.settings.get().connection?.origin;',
      'const parsed = settingsSections.connection.safeParse(origin);',
      'store.setConnection(origin);',
      'const { connection } = services.settings.get();',
    ],
  },
];

describe('"connection" names the live link only', () => {
  it.each(RETIRED)('no $name', ({ pattern }) => {
    expect(sources.filter((file) => pattern.test(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('each rule catches the old code it retires', () => {
    for (const { pattern, reintroduced } of RETIRED)
      for (const line of reintroduced) expect(line).toMatch(pattern);
  });

  it('the live link keeps its name: the supervisor and its status are not caught', () => {
    const live = [
      'runEntityAction({ store, connection: () => supervisor.connection() }, entityId, action);',
      "const connected = status?.connection.state === 'connected';",
      'deps.supervisor.onStatus((status) => this.emit());',
    ];
    for (const line of live) for (const { pattern } of RETIRED) expect(line).not.toMatch(pattern);
  });

  it('the settings have no `connection` section, and src/main/connection/ is gone', () => {
    expect(Object.keys(settingsSections)).not.toContain('connection');
    expect(Object.keys(settingsSections)).toContain('instances');
    expect(existsSync('src/main/connection')).toBe(false);
  });
});
