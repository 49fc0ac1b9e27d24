import { describe, expect, it } from 'vitest';
import {
  favouriteItemId,
  instanceItemId,
  parseTrayItemId,
} from '../../../src/main/tray/tray-item-ids';

describe('tray menu item ids', () => {
  it('read back what the menu made: the instance and the entity of a favourite', () => {
    expect(parseTrayItemId(favouriteItemId('cabin', 'light.porch_2'))).toEqual({
      kind: 'favourite',
      instance: 'cabin',
      entityId: 'light.porch_2',
    });
    expect(parseTrayItemId(instanceItemId('rotate', 'cabin'))).toEqual({
      kind: 'instance',
      command: 'rotate',
      instance: 'cabin',
    });
    expect(parseTrayItemId(instanceItemId('open-ha', null))).toEqual({
      kind: 'instance',
      command: 'open-ha',
      instance: null,
    });
    expect(parseTrayItemId('reconnect')).toEqual({ kind: 'app', command: 'reconnect' });
  });

  it.each([
    'fav:light.porch',
    'fav:cabin:',
    'fav:cabin:light',
    'fav:Cabin:light.porch',
    'fav::light.porch',
    'fav:cabin:light.porch:x',
    'rotate:',
    'rotate:cabin:x',
    'open-ha:NOT A KEY',
    'quit:cabin',
    'status:cabin',
    'group:cabin:0:=Ground floor',
    '',
    'unknown',
  ])('refuse %o quietly', (id) => {
    expect(parseTrayItemId(id)).toBeNull();
  });
});
