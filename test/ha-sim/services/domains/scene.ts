import type { SceneMembers } from '../../home-types';
import { all, coerce, range } from '../../schema';
import { haTime } from '../../time';
import { writeState, type EntityService } from '../types';

/**
 * `scene.turn_on`: the scene's state becomes the time it was activated (scenes are stateless since
 * 2023.2), then its members take their stored states.
 */
export function sceneServices(
  scenes: Readonly<Record<string, SceneMembers>>,
): Record<string, EntityService> {
  return {
    turn_on: {
      kind: 'entity',
      name: 'Activate',
      description: 'Activates a scene.',
      fields: [{ key: 'transition', validate: all(coerce('float'), range(0, 6553)) }],
      run: (scene, call) => {
        writeState(call, scene, haTime(call.now()));
        for (const [entityId, target] of Object.entries(scenes[scene.entity_id] ?? {})) {
          const member = call.states.get(entityId);
          if (!member || member.state === 'unavailable') continue;
          writeState(call, member, target.state, { ...member.attributes, ...target.attributes });
        }
      },
    },
  };
}
