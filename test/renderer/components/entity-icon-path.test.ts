import { mdiCoffeeMaker, mdiLightbulb, mdiLightbulbOutline, mdiLock } from '@mdi/js';
import { describe, expect, it } from 'vitest';
import { entityIconPath } from '../../../src/renderer/components/entity-icon-path';
import { entityView } from '../fake-bridge';

describe('entityIconPath', () => {
  it("draws an entity's own mdi icon when the pages carry it", () => {
    expect(entityIconPath(entityView('switch.coffee', 'on', { icon: 'mdi:coffee-maker' }))).toBe(
      mdiCoffeeMaker,
    );
  });

  it("falls back to the domain's icon for an icon the pages do not carry or another icon set", () => {
    expect(entityIconPath(entityView('light.a', 'on', { icon: 'mdi:rocket-launch' }))).toBe(
      mdiLightbulb,
    );
    expect(entityIconPath(entityView('light.a', 'off', { icon: 'hass:lightbulb' }))).toBe(
      mdiLightbulbOutline,
    );
    expect(entityIconPath(entityView('lock.a', 'locked', { icon: 'mdi:constructor' }))).toBe(
      mdiLock,
    );
  });
});
