import { describe, expect, it } from 'vitest';
import {
  acceleratorFromKeyPress,
  checkShortcut,
  describeShortcut,
  shortcutTakenMessage,
  type KeyPress,
} from '../../src/shared/shortcut';

const press = (overrides: Partial<KeyPress>): KeyPress => ({
  key: 'h',
  code: 'KeyH',
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...overrides,
});

describe('checkShortcut', () => {
  it('accepts a key with Ctrl, Alt, Cmd or Super, in one spelling', () => {
    expect(checkShortcut('CommandOrControl+Alt+H')).toEqual({
      ok: true,
      accelerator: 'CommandOrControl+Alt+H',
    });
    expect(checkShortcut('alt+ctrl+h')).toEqual({ ok: true, accelerator: 'Control+Alt+H' });
    expect(checkShortcut('Super+Space')).toEqual({ ok: true, accelerator: 'Super+Space' });
    expect(checkShortcut('Cmd+Shift+f12')).toEqual({
      ok: true,
      accelerator: 'Command+Shift+F12',
    });
  });

  it('refuses a key without a modifier, or with Shift only', () => {
    for (const text of ['H', 'F5', 'Shift+H', 'Space']) {
      const result = checkShortcut(text);
      expect(result.ok, text).toBe(false);
      expect(!result.ok && result.message).toMatch(/Add Ctrl, Alt or Cmd/);
    }
  });

  it('refuses modifiers alone, two keys and unknown keys with a sentence', () => {
    expect(checkShortcut('Ctrl+Alt')).toMatchObject({ ok: false, message: /one key/ });
    expect(checkShortcut('Ctrl+A+B')).toMatchObject({ ok: false, message: /one key/ });
    expect(checkShortcut('Ctrl+Banana')).toEqual({
      ok: false,
      message: '“Banana” is not a key a shortcut can use.',
    });
  });
});

describe('describeShortcut', () => {
  it('names the keys as the keyboard shows them', () => {
    expect(describeShortcut('CommandOrControl+Alt+H', false)).toBe('Ctrl+Alt+H');
    expect(describeShortcut('CommandOrControl+Alt+H', true)).toBe('⌘⌥H');
    expect(shortcutTakenMessage('Super+Space', false)).toBe(
      'Super+Space is already taken by another app. Choose another combination.',
    );
  });
});

describe('acceleratorFromKeyPress', () => {
  it('waits while only modifiers are held', () => {
    expect(acceleratorFromKeyPress(press({ key: 'Control', code: 'ControlLeft' }), false)).toBe(
      null,
    );
  });

  it('records Ctrl as CommandOrControl off a Mac, and Cmd as it on a Mac', () => {
    expect(acceleratorFromKeyPress(press({ ctrlKey: true, altKey: true }), false)).toBe(
      'CommandOrControl+Alt+H',
    );
    expect(acceleratorFromKeyPress(press({ metaKey: true, key: '˙', altKey: true }), true)).toBe(
      'CommandOrControl+Alt+H',
    );
    expect(acceleratorFromKeyPress(press({ metaKey: true }), false)).toBe('Super+H');
  });

  it('records named keys and a bare key, which the check then refuses', () => {
    expect(
      acceleratorFromKeyPress(press({ key: 'ArrowUp', code: 'ArrowUp', altKey: true }), false),
    ).toBe('Alt+Up');
    const bare = acceleratorFromKeyPress(press({}), false)!;
    expect(bare).toBe('H');
    expect(checkShortcut(bare).ok).toBe(false);
  });
});
