import { describe, expect, it } from 'vitest';
import { placeText } from '../../src/shared/entity-view';

describe('placeText', () => {
  it('names the area and its floor, or the area alone', () => {
    expect(placeText({ area: 'Kitchen', floor: 'Ground floor' })).toBe('Kitchen, Ground floor');
    expect(placeText({ area: 'Garage' })).toBe('Garage');
    expect(placeText({})).toBe('');
  });
});
