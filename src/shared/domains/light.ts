import { mdiLightbulb, mdiLightbulbOutline } from '@mdi/js';
import { z } from 'zod';
import type { EntityView } from '../entity-view';
import { defineDomain, planned, type PanelControl } from './domain';
import { toggle } from './on-off';

const setBrightness = z
  .object({ kind: z.literal('set_brightness'), percent: z.number().int().min(0).max(100) })
  .strict();

function supportsBrightness(entity: EntityView): boolean {
  const modes = entity.attributes.supported_color_modes;
  return Array.isArray(modes) && modes.some((m) => m !== 'onoff');
}

export const light = defineDomain({
  domain: 'light',
  tray: 'switch',
  onOff: true,
  primary: (entity) => toggle(entity, 'light'),
  actions: [setBrightness],
  plan: (_entity, action) =>
    action.percent === 0
      ? planned('light', 'turn_off', 'Turn off')
      : planned('light', 'turn_on', `Brightness ${action.percent}%`, {
          brightness_pct: action.percent,
        }),
  controls: (entity) => {
    const controls: PanelControl[] = [{ kind: 'switch' }];
    if (entity.state === 'on' && supportsBrightness(entity))
      controls.push({
        kind: 'slider',
        label: 'brightness',
        unit: 'percent',
        min: 1,
        max: 100,
        value: Math.round(((Number(entity.attributes.brightness) || 0) * 100) / 255),
        set: (percent) => ({
          action: { kind: 'set_brightness', percent },
          patch: { attributes: { brightness: Math.round((percent * 255) / 100) } },
        }),
      });
    return controls;
  },
  ruleStates: ['on', 'off'],
  icon: (entity) => (entity.state === 'on' ? mdiLightbulb : mdiLightbulbOutline),
});
