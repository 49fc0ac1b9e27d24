import { describe, expect, it, vi } from 'vitest';
import { PanelShortcut } from '../../../src/main/desktop/panel-shortcut';
import { FakeGlobalShortcuts } from '../../fakes/global-shortcuts';

function setup(taken: string[] = []) {
  const system = new FakeGlobalShortcuts(new Set(taken));
  const onPress = vi.fn();
  return { system, onPress, shortcut: new PanelShortcut(system, onPress, false) };
}

describe('PanelShortcut', () => {
  it('registers the saved shortcut, which opens the panel', () => {
    const { system, onPress, shortcut } = setup();
    expect(shortcut.apply('CommandOrControl+Alt+H')).toEqual({
      accelerator: 'CommandOrControl+Alt+H',
      registered: true,
      message: null,
    });
    system.press('CommandOrControl+Alt+H');
    expect(onPress).toHaveBeenCalledOnce();
  });

  it('never registers a saved shortcut without a modifier, and says why', () => {
    const { system, shortcut } = setup();
    const state = shortcut.apply('H');
    expect(state).toMatchObject({ registered: false, message: /Add Ctrl, Alt or Cmd/ });
    expect(system.held.size).toBe(0);
  });

  it('says when another app holds the saved shortcut', () => {
    const { shortcut } = setup(['CommandOrControl+Alt+H']);
    expect(shortcut.apply('CommandOrControl+Alt+H').message).toBe(
      'Ctrl+Alt+H is already taken by another app. Choose another combination.',
    );
  });

  it('moves to a free combination and releases the old one', () => {
    const { system, shortcut } = setup();
    shortcut.apply('CommandOrControl+Alt+H');
    expect(shortcut.tryChange('alt+super+p')).toEqual({ ok: true, accelerator: 'Alt+Super+P' });
    expect([...system.held.keys()]).toEqual(['Alt+Super+P']);
    expect(shortcut.apply('Alt+Super+P').registered).toBe(true);
    expect([...system.held.keys()]).toEqual(['Alt+Super+P']);
  });

  it('keeps the old shortcut when the new one is taken or invalid', () => {
    const { system, shortcut } = setup(['Control+Alt+T']);
    shortcut.apply('CommandOrControl+Alt+H');
    expect(shortcut.tryChange('Control+Alt+T')).toEqual({
      ok: false,
      message: 'Ctrl+Alt+T is already taken by another app. Choose another combination.',
    });
    expect(shortcut.tryChange('Shift+T')).toMatchObject({ ok: false, message: /Add Ctrl/ });
    expect([...system.held.keys()]).toEqual(['CommandOrControl+Alt+H']);
    expect(shortcut.state()).toMatchObject({ registered: true, message: null });
  });

  it('clearing disables it', () => {
    const { system, shortcut } = setup();
    shortcut.apply('CommandOrControl+Alt+H');
    expect(shortcut.tryChange('')).toEqual({ ok: true, accelerator: '' });
    expect(system.held.size).toBe(0);
    shortcut.dispose();
    expect(shortcut.state()).toEqual({ accelerator: '', registered: false, message: null });
  });
});
