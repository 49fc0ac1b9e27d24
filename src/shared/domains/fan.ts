import { mdiFan, mdiFanOff } from '@mdi/js';
import { z } from 'zod';
import type { EntityView } from '../entity-view';
import { defineDomain, planned, type PanelControl } from './domain';
import { hasFeature } from './features';
import { toggle } from './on-off';

/** FanEntityFeature.SET_SPEED: the fan takes a speed as a percentage. */
const SET_SPEED = 1;

const setPercentage = z
  .object({ kind: z.literal('set_percentage'), percentage: z.number().int().min(0).max(100) })
  .strict();

const hasSpeed = (entity: EntityView) => hasFeature(entity, SET_SPEED);

/** A fan: on/off, and its speed while it runs (0 % turns it off, as in Home Assistant). */
export const fan = defineDomain({
  domain: 'fan',
  tray: 'switch',
  onOff: true,
  primary: (entity) => toggle(entity, 'fan'),
  actions: [setPercentage],
  plan: (_entity, action) =>
    planned('fan', 'set_percentage', `Speed ${action.percentage}%`, {
      percentage: action.percentage,
    }),
  controls: (entity) => {
    const controls: PanelControl[] = [{ kind: 'switch' }];
    if (entity.state === 'on' && hasSpeed(entity))
      controls.push({
        kind: 'slider',
        label: 'speed',
        unit: 'percent',
        min: 0,
        max: 100,
        value: Number(entity.attributes.percentage) || 0,
        set: (percentage) => ({
          action: { kind: 'set_percentage', percentage },
          patch: { state: percentage > 0 ? 'on' : 'off', attributes: { percentage } },
        }),
      });
    return controls;
  },
  ruleStates: ['on', 'off'],
  icon: (entity) => (entity.state === 'on' ? mdiFan : mdiFanOff),
});
