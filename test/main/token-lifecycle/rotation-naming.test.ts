import { describe, expect, it } from 'vitest';
import {
  rotationClientName,
  tokenLifespanDays,
  uniqueClientName,
} from '../../../src/main/token-lifecycle/rotation-naming';

describe('rotation token names and lifespans', () => {
  it('names the token after the computer and the local date and time', () => {
    expect(rotationClientName('desk', new Date(2025, 2, 4, 7, 5))).toBe(
      'HA Tray on desk 2025-03-04 07:05',
    );
    expect(rotationClientName('  ', new Date(2025, 11, 31, 23, 59))).toBe(
      'HA Tray on this computer 2025-12-31 23:59',
    );
  });

  it('adds a number when the name is taken, since Home Assistant refuses duplicates', () => {
    expect(uniqueClientName('A', ['B', null])).toBe('A');
    expect(uniqueClientName('A', ['A'])).toBe('A (2)');
    expect(uniqueClientName('A', ['A', 'A (2)', 'A (3)'])).toBe('A (4)');
  });

  it('lets a token live twice the interval, or a year with the reminder off', () => {
    expect(tokenLifespanDays(30)).toBe(60);
    expect(tokenLifespanDays(90)).toBe(180);
    expect(tokenLifespanDays(365)).toBe(730);
    expect(tokenLifespanDays('off')).toBe(365);
  });
});
