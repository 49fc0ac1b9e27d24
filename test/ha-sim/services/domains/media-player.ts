import type { SimState } from '../../entities/state-machine';
import { all, coerce, cvBoolean, range, type Field } from '../../schema';
import { writeState, type EntityService, type ServiceCall } from '../types';

/** MediaPlayerEntityFeature. */
const PAUSE = 1;
const VOLUME_SET = 4;
const VOLUME_MUTE = 8;
const PREVIOUS_TRACK = 16;
const NEXT_TRACK = 32;
const TURN_ON = 128;
const TURN_OFF = 256;
const STOP = 4096;
const PLAY = 16384;

/** What a player shows only while on: a player that is off has no volume or media attributes. */
const KEPT_WHEN_OFF = new Set([
  'friendly_name',
  'device_class',
  'supported_features',
  'icon',
  'entity_picture',
]);

const entityService = (
  name: string,
  requiredFeatures: number[],
  run: EntityService['run'],
  fields: Field[] = [],
): EntityService => ({
  kind: 'entity',
  name,
  description: `${name}.`,
  fields,
  requiredFeatures,
  run,
});

export function mediaPlayerServices(): Record<string, EntityService> {
  const whileOff = new Map<string, Record<string, unknown>>();

  function turnOff(player: SimState, call: ServiceCall): void {
    const kept = Object.fromEntries(
      Object.entries(player.attributes).filter(([k]) => KEPT_WHEN_OFF.has(k)),
    );
    const rest = Object.fromEntries(
      Object.entries(player.attributes).filter(([k]) => !KEPT_WHEN_OFF.has(k)),
    );
    if (player.state !== 'off') whileOff.set(player.entity_id, rest);
    writeState(call, player, 'off', kept);
  }

  function turnOn(player: SimState, call: ServiceCall): void {
    if (player.state !== 'off') return;
    writeState(call, player, 'idle', {
      volume_level: 0.3,
      is_volume_muted: false,
      ...whileOff.get(player.entity_id),
      ...player.attributes,
    });
  }

  const setState = (state: string) => (player: SimState, call: ServiceCall) =>
    writeState(call, player, state);
  const setAttribute = (key: string) => (player: SimState, call: ServiceCall) =>
    writeState(call, player, player.state, { ...player.attributes, [key]: call.data[key] });

  return {
    media_play: entityService('Play', [PLAY], setState('playing')),
    media_pause: entityService('Pause', [PAUSE], setState('paused')),
    media_play_pause: entityService('Play/Pause', [PLAY | PAUSE], (p, call) =>
      writeState(call, p, p.state === 'playing' ? 'paused' : 'playing'),
    ),
    media_stop: entityService('Stop', [STOP], setState('idle')),
    media_next_track: entityService('Next', [NEXT_TRACK], () => undefined),
    media_previous_track: entityService('Previous', [PREVIOUS_TRACK], () => undefined),
    turn_on: entityService('Turn on', [TURN_ON], turnOn),
    turn_off: entityService('Turn off', [TURN_OFF], turnOff),
    toggle: entityService('Toggle', [TURN_OFF | TURN_ON], (p, call) =>
      p.state === 'off' ? turnOn(p, call) : turnOff(p, call),
    ),
    volume_set: entityService('Set volume', [VOLUME_SET], setAttribute('volume_level'), [
      { key: 'volume_level', validate: all(coerce('float'), range(0, 1)), required: true },
    ]),
    volume_mute: entityService(
      'Mute/unmute volume',
      [VOLUME_MUTE],
      setAttribute('is_volume_muted'),
      [{ key: 'is_volume_muted', validate: cvBoolean, required: true }],
    ),
  };
}
