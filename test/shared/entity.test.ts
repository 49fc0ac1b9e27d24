import { describe, expect, it } from 'vitest';
import { domainOf } from '../../src/shared/entity';

describe('domainOf', () => {
  it('returns the part before the first dot', () => {
    expect(domainOf('light.kitchen')).toBe('light');
    expect(domainOf('sensor.a.b')).toBe('sensor');
  });

  it('returns an empty domain for a malformed id', () => {
    expect(domainOf('nodot')).toBe('');
  });
});
