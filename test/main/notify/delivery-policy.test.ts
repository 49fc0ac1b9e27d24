import { describe, expect, it } from 'vitest';
import { decideDelivery } from '../../../src/main/notify/delivery-policy';
import type { QuietHours } from '../../../src/shared/notification-rules';

const utc = (iso: string) => Date.parse(`${iso}Z`);
const night: QuietHours = { enabled: true, start: '22:00', end: '07:00' };
const context = (iso: string, pausedUntil: number | null = null) => ({
  now: utc(iso),
  pausedUntil,
  quietHours: night,
  timeZone: 'Europe/Berlin',
});

describe('delivery policy', () => {
  it('delivers outside quiet hours and pauses', () => {
    expect(decideDelivery('entity', context('2026-01-15T12:00:00'))).toEqual({ deliver: true });
  });

  it('holds everything back during quiet hours, connection alerts included', () => {
    for (const kind of ['entity', 'connection_lost', 'token_rejected'] as const)
      expect(decideDelivery(kind, context('2026-01-15T23:00:00'))).toEqual({
        deliver: false,
        reason: 'quiet_hours',
      });
  });

  it('holds everything back while paused', () => {
    const until = utc('2026-01-15T13:00:00');
    expect(decideDelivery('entity', context('2026-01-15T12:00:00', until))).toEqual({
      deliver: false,
      reason: 'paused',
    });
    expect(decideDelivery('entity', context('2026-01-15T13:00:00', until))).toEqual({
      deliver: true,
    });
  });

  it('always shows the test notification the user asked for', () => {
    expect(
      decideDelivery('test', context('2026-01-15T23:00:00', utc('2026-01-16T06:00:00'))),
    ).toEqual({ deliver: true });
  });
});
