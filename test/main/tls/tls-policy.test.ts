import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { tlsOptionsFor } from '../../../src/main/tls/tls-policy';
import { cachedCaSource, systemTrustedCas } from '../../../src/main/tls/trusted-cas';

const PIN = { origin: 'https://ha.lan:8123', sha256: 'AB:'.repeat(31) + 'AB', pem: 'PEM' };

describe('trusted CAs', () => {
  it('adds the system store to the bundled roots where Node has it (Electron 45), else the bundled roots', () => {
    const calls: string[] = [];
    const cas = systemTrustedCas(
      (type) => (calls.push(type), type === 'system' ? ['own CA', 'shared'] : ['shared']),
    );
    expect(cas).toEqual(['shared', 'own CA']);
    expect(calls).toEqual(['default', 'system']);
    expect(systemTrustedCas(undefined)).toBe(tls.rootCertificates);
  });

  it('reads the store once', () => {
    let reads = 0;
    const source = cachedCaSource(() => (reads++, ['ca']));
    source();
    source();
    expect(reads).toBe(1);
  });
});

describe('tlsOptionsFor', () => {
  it('never turns verification off', () => {
    for (const origin of ['https://ha.example.com', PIN.origin])
      expect(tlsOptionsFor(origin, [PIN], () => ['ca'])).toMatchObject({
        rejectUnauthorized: true,
      });
    expect(tlsOptionsFor('http://ha.lan:8123', [PIN], () => ['ca'])).toBeUndefined();
  });

  it('trusts only the pinned certificate for its origin, and checks its fingerprint', () => {
    const options = tlsOptionsFor(PIN.origin, [PIN], () => ['system ca'])!;
    expect(options.ca).toEqual(['PEM']);
    const check = options.checkServerIdentity!;
    expect(check('ha.lan', { fingerprint256: PIN.sha256 } as tls.PeerCertificate)).toBeUndefined();
    expect(
      check('ha.lan', { fingerprint256: 'CD:'.repeat(31) + 'CD' } as tls.PeerCertificate),
    ).toBeInstanceOf(Error);
    expect(tlsOptionsFor('https://ha.lan:8124', [PIN], () => ['system ca'])).toEqual({
      ca: ['system ca'],
      rejectUnauthorized: true,
    });
  });
});
