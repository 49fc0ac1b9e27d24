import { describe, expect, it } from 'vitest';
import { savedTokenMayGoTo } from '../../../src/main/setup/token-scope';

describe('savedTokenMayGoTo', () => {
  it.each([
    ['the same origin', 'http://ha.lan:8123', 'http://ha.lan:8123'],
    ['http to https on the same host and port', 'http://ha.lan:8123', 'https://ha.lan:8123'],
    ['https staying https', 'https://abc.ui.nabu.casa', 'https://abc.ui.nabu.casa'],
  ])('keeps the token for %s', (_case, saved, target) => {
    expect(savedTokenMayGoTo(saved, target)).toBe(true);
  });

  it.each([
    ['another host', 'http://ha.lan:8123', 'http://ha.lan.evil.example:8123'],
    ['a typo in the host', 'http://192.168.1.10:8123', 'http://192.168.1.100:8123'],
    ['another port', 'http://ha.lan:8123', 'http://ha.lan:8124'],
    ['https back to http', 'https://ha.lan:8123', 'http://ha.lan:8123'],
    ['http to https on the default ports (80 is not 443)', 'http://ha.lan', 'https://ha.lan'],
    ['another name for the same machine', 'http://127.0.0.1:8123', 'http://localhost:8123'],
    ['no saved address', null, 'http://ha.lan:8123'],
    ['a saved address that is not http', 'ftp://ha.lan', 'ftp://ha.lan'],
  ])('refuses %s', (_case, saved, target) => {
    expect(savedTokenMayGoTo(saved, target)).toBe(false);
  });
});
