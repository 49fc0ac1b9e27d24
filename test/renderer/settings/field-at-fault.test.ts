import { describe, expect, it } from 'vitest';
import { fieldAtFault } from '../../../src/renderer/settings/pages/field-at-fault';

describe('fieldAtFault', () => {
  it('puts a refused token at the token field', () => {
    expect(fieldAtFault('unauthorized')).toBe('token');
    expect(fieldAtFault('invalid_token')).toBe('token');
    expect(fieldAtFault('token_scope')).toBe('token');
  });

  it('puts anything about reaching Home Assistant at the address field', () => {
    for (const reason of ['dns', 'refused', 'timeout', 'tls_expired', 'insecure_http'] as const)
      expect(fieldAtFault(reason)).toBe('url');
  });

  it('blames no field while Home Assistant starts or has banned this computer', () => {
    expect(fieldAtFault('starting')).toBeNull();
    expect(fieldAtFault('banned')).toBeNull();
  });
});
