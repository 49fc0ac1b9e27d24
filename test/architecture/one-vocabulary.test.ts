import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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
    pattern: /connection\?\.origin,\s*path/,
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
