import { describe, expect, it } from 'vitest';
import { createSenderPolicy } from '../../../src/main/ipc/sender-policy';

describe('createSenderPolicy', () => {
  const trusted = createSenderPolicy(['ha-tray://app', 'http://localhost:5173']);

  it('trusts the main frame of the app origins only', () => {
    expect(trusted({ url: 'ha-tray://app/settings.html#/connection', isMainFrame: true })).toBe(
      true,
    );
    expect(trusted({ url: 'http://localhost:5173/panel.html', isMainFrame: true })).toBe(true);
    expect(trusted({ url: 'http://localhost:5174/panel.html', isMainFrame: true })).toBe(false);
    expect(trusted({ url: 'ha-tray://other/settings.html', isMainFrame: true })).toBe(false);
    expect(trusted({ url: 'ha-tray://app/settings.html', isMainFrame: false })).toBe(false);
  });

  it('never trusts opaque origins', () => {
    expect(
      createSenderPolicy(['file:///app'])({ url: 'file:///app/x.html', isMainFrame: true }),
    ).toBe(false);
    expect(trusted({ url: 'data:text/html,hi', isMainFrame: true })).toBe(false);
  });
});
