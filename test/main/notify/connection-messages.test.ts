import { describe, expect, it } from 'vitest';
import {
  BAN_DETECTED_TEXT,
  TOKEN_REJECTED_TEXT,
} from '../../../src/main/notify/connection-messages';

describe('the messages of a connection that gave up', () => {
  it('say what "Reconnect now" will do: one attempt', () => {
    expect(BAN_DETECTED_TEXT.body).toContain('Reconnect now: HA Tray tries once');
    expect(TOKEN_REJECTED_TEXT.body).toContain('Reconnect now: HA Tray tries once');
  });
});
