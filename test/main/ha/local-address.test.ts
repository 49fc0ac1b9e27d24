import { describe, expect, it } from 'vitest';
import { isLocalAddress } from '../../../src/main/ha/local-address';

describe('isLocalAddress', () => {
  it.each([
    'http://127.0.0.1:8123',
    'http://localhost:8123',
    'http://[::1]:8123',
    'http://192.168.1.10:8123',
    'http://10.0.0.5:8123',
    'http://172.20.0.2:8123',
    'http://homeassistant.local:8123',
    'http://homeassistant:8123',
    'http://ha.home.arpa',
    'http://[fd00::12]:8123',
  ])('%s is local', (origin) => expect(isLocalAddress(origin)).toBe(true));

  it.each([
    'https://abcd.ui.nabu.casa',
    'https://ha.example.com',
    'http://172.32.0.1:8123',
    'http://8.8.8.8:8123',
    'not a url',
  ])('%s is remote', (origin) => expect(isLocalAddress(origin)).toBe(false));
});
