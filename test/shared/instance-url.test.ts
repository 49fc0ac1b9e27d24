import { describe, expect, it } from 'vitest';
import { normaliseInstanceUrl } from '../../src/shared/instance-url';

const origin = (input: string) => {
  const result = normaliseInstanceUrl(input);
  if (!result.ok) throw new Error(`expected ${input} to be accepted: ${result.error}`);
  return result.value.origin;
};
const error = (input: string) => {
  const result = normaliseInstanceUrl(input);
  if (result.ok) throw new Error(`expected ${input} to be refused`);
  return result.error;
};

describe('normaliseInstanceUrl', () => {
  it.each([
    ['homeassistant.local:8123', 'http://homeassistant.local:8123'],
    ['homeassistant.local', 'http://homeassistant.local:8123'],
    ['192.168.1.10', 'http://192.168.1.10:8123'],
    ['http://homeassistant.local', 'http://homeassistant.local'],
    ['homeassistant.local:80', 'http://homeassistant.local'],
    ['192.168.1.10:8123', 'http://192.168.1.10:8123'],
    ['  http://192.168.1.10:8123/  ', 'http://192.168.1.10:8123'],
    ['http://192.168.1.10:8123/api', 'http://192.168.1.10:8123'],
    ['http://192.168.1.10:8123/api/', 'http://192.168.1.10:8123'],
    ['ws://192.168.1.10:8123/api/websocket', 'http://192.168.1.10:8123'],
    ['wss://ha.example.com/api/websocket', 'https://ha.example.com'],
    ['https://ha.example.com/lovelace/0?edit=1#x', 'https://ha.example.com'],
    ['http://homeassistant.local:8123/profile/security', 'http://homeassistant.local:8123'],
    ['HTTPS://HA.Example.COM', 'https://ha.example.com'],
    ['https://ha.example.com:443', 'https://ha.example.com'],
    ['abcd1234.ui.nabu.casa', 'https://abcd1234.ui.nabu.casa'],
    ['http://abcd1234.ui.nabu.casa/', 'https://abcd1234.ui.nabu.casa'],
    ['https://abcd1234.ui.nabu.casa/lovelace/home', 'https://abcd1234.ui.nabu.casa'],
    ['[fe80::1]:8123', 'http://[fe80::1]:8123'],
    ['http://[2001:db8::10]:8123/', 'http://[2001:db8::10]:8123'],
    ['2001:db8::10', 'http://[2001:db8::10]:8123'],
    ['http://::1', 'http://[::1]'],
  ])('accepts %s', (input, expected) => {
    expect(origin(input)).toBe(expected);
  });

  it('builds the WebSocket URL from the origin', () => {
    expect(normaliseInstanceUrl('https://abcd.ui.nabu.casa')).toEqual({
      ok: true,
      value: {
        origin: 'https://abcd.ui.nabu.casa',
        wsUrl: 'wss://abcd.ui.nabu.casa/api/websocket',
        isNabuCasa: true,
      },
    });
    expect(normaliseInstanceUrl('ha.lan:8123')).toMatchObject({
      ok: true,
      value: { wsUrl: 'ws://ha.lan:8123/api/websocket', isNabuCasa: false },
    });
  });

  it('explains an invalid port', () => {
    expect(error('homeassistant.local:99999')).toMatch(/port must be a number from 1 to 65535/);
    expect(error('https://homeassistant.local:99999/')).toMatch(/from 1 to 65535/);
    expect(error('http://[fe80::2]:70000')).toMatch(/from 1 to 65535/);
    expect(error('homeassistant.local:0')).toMatch(/from 1 to 65535/);
    expect(error('homeassistant.local:8x')).toMatch(/from 1 to 65535/);
  });

  it('explains an over-long host name or address instead of accepting or mangling it', () => {
    expect(
      error(
        `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(10)}.lan`,
      ),
    ).toMatch(/host name is too long/);
    expect(error(`http://ha.local:8123/${'x'.repeat(2100)}`)).toMatch(/address is too long/);
    expect(origin(`${'a'.repeat(60)}.${'b'.repeat(60)}.lan:8123`)).toMatch(
      /^http:\/\/a+\.b+\.lan:8123$/,
    );
  });

  it('refuses path prefixes, which Home Assistant does not support', () => {
    expect(error('https://example.com/homeassistant')).toMatch(
      /root of its address, not under \/homeassistant/,
    );
    expect(error('https://example.com/ha/api')).toMatch(/not under \/ha\/api/);
  });

  it('refuses other schemes, credentials, spaces and empty input', () => {
    expect(error('ftp://homeassistant.local')).toMatch(/http:\/\/ or https:\/\/, not ftp/);
    expect(error('file:///etc/passwd')).toMatch(/not file/);
    expect(error('http://user:pw@ha.lan')).toMatch(/user name and password/);
    expect(error('home assistant.local')).toMatch(/spaces/);
    expect(error('')).toMatch(/Enter the address/);
    expect(error('   ')).toMatch(/Enter the address/);
    expect(error('http://')).toMatch(/web address|host/);
  });
});
