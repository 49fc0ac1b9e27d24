import { describe, expect, it } from 'vitest';
import {
  applicationMenu,
  devServerUrl,
  devToolsAllowed,
} from '../../../src/main/windows/shell-policy';

describe('production shell', () => {
  it('honours the dev server only in a development run, and only an http(s) URL', () => {
    expect(devServerUrl(false, 'http://localhost:5173')).toBe('http://localhost:5173');
    expect(devServerUrl(true, 'http://localhost:5173')).toBeNull();
    expect(devServerUrl(true, 'https://evil.example')).toBeNull();
    expect(devServerUrl(false, undefined)).toBeNull();
    expect(devServerUrl(false, 'file:///tmp/x')).toBeNull();
    expect(devServerUrl(false, 'javascript:alert(1)')).toBeNull();
    expect(devServerUrl(false, 'not a url')).toBeNull();
  });

  it('allows DevTools only in a development run', () => {
    expect(devToolsAllowed(false)).toBe(true);
    expect(devToolsAllowed(true)).toBe(false);
  });

  it('has no default menu in a packaged build, keeping Edit on macOS for copy and paste', () => {
    expect(applicationMenu(false, 'linux')).toBe('default');
    expect(applicationMenu(true, 'linux')).toBeNull();
    expect(applicationMenu(true, 'win32')).toBeNull();
    const mac = applicationMenu(true, 'darwin');
    expect(mac).toEqual([{ role: 'appMenu' }, { role: 'editMenu' }]);
    expect(JSON.stringify(mac)).not.toMatch(/toggleDevTools|reload|viewMenu/i);
  });
});
