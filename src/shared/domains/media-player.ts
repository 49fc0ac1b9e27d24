import { mdiSpeaker, mdiTelevision } from '@mdi/js';
import { z } from 'zod';
import type { EntityState } from '../entity';
import { defineDomain, planned } from './domain';

const playPause = z.object({ kind: z.literal('play_pause') }).strict();
const playOrPause = (entity: EntityState) =>
  planned('media_player', 'media_play_pause', entity.state === 'playing' ? 'Pause' : 'Play');

const WORDS: Record<string, string> = {
  playing: 'Playing',
  paused: 'Paused',
  idle: 'Idle',
  standby: 'Standby',
  buffering: 'Buffering',
};

export const mediaPlayer = defineDomain({
  domain: 'media_player',
  tray: 'primary',
  primary: playOrPause,
  actions: [playPause],
  plan: playOrPause,
  controls: () => [{ kind: 'primary_button' }],
  stateWord: (state) => WORDS[state],
  ruleStates: ['playing', 'paused', 'idle', 'off'],
  icon: (entity) => (entity.attributes.device_class === 'tv' ? mdiTelevision : mdiSpeaker),
});
