import {
  mdiBlinds,
  mdiBlindsOpen,
  mdiGarage,
  mdiGarageOpen,
  mdiWindowShutter,
  mdiWindowShutterOpen,
} from '@mdi/js';
import { z } from 'zod';
import type { EntityState } from '../entity';
import { defineDomain, planned, type PanelControl } from './domain';
import { hasFeature } from './features';
import { OPENABLE_WORDS, openableHeadline } from './openable';

/** CoverEntityFeature bits of the actions beyond open and close. */
const SET_POSITION = 4;
const STOP = 8;

/** Covers that let people in: opening one asks first. */
const ENTRANCE_COVERS = new Set(['garage', 'gate', 'door']);
const isEntrance = (entity: EntityState) =>
  ENTRANCE_COVERS.has(String(entity.attributes.device_class));

const setPosition = z
  .object({ kind: z.literal('set_position'), position: z.number().int().min(0).max(100) })
  .strict();
const stop = z.object({ kind: z.literal('stop') }).strict();

export const cover = defineDomain({
  domain: 'cover',
  tray: 'primary',
  primary: (entity, name) => {
    if (entity.state === 'open' || entity.state === 'opening')
      return planned('cover', 'close_cover', 'Close');
    const entrance = isEntrance(entity);
    return planned(
      'cover',
      'open_cover',
      entrance ? 'Open…' : 'Open',
      {},
      entrance ? `Open ${name}?` : undefined,
    );
  },
  actions: [setPosition, stop],
  plan: (entity, action, name) => {
    if (action.kind === 'stop')
      return hasFeature(entity, STOP)
        ? planned('cover', 'stop_cover', 'Stop')
        : { ok: false, error: `${name} cannot be stopped.` };
    if (!hasFeature(entity, SET_POSITION))
      return { ok: false, error: `${name} cannot be set to a position.` };
    const opensEntrance = isEntrance(entity) && action.position > 0 && entity.state === 'closed';
    return planned(
      'cover',
      'set_cover_position',
      `Position ${action.position}%`,
      { position: action.position },
      opensEntrance ? `Open ${name}?` : undefined,
    );
  },
  controls: (entity) => {
    const controls: PanelControl[] = [];
    if (typeof entity.attributes.current_position === 'number' && hasFeature(entity, SET_POSITION))
      controls.push({
        kind: 'slider',
        label: 'position',
        unit: 'percent',
        min: 0,
        max: 100,
        value: entity.attributes.current_position,
        set: (position) => ({
          action: { kind: 'set_position', position },
          patch: {
            state: position > 0 ? 'open' : 'closed',
            attributes: { current_position: position },
          },
        }),
      });
    controls.push({ kind: 'primary_button' });
    return controls;
  },
  stateWord: (state) => OPENABLE_WORDS[state],
  headline: openableHeadline,
  ruleStates: ['open', 'closed', 'opening', 'closing'],
  icon: (entity) => {
    const closed = entity.state === 'closed';
    switch (entity.attributes.device_class) {
      case 'garage':
        return closed ? mdiGarage : mdiGarageOpen;
      case 'blind':
        return closed ? mdiBlinds : mdiBlindsOpen;
      default:
        return closed ? mdiWindowShutter : mdiWindowShutterOpen;
    }
  },
});
