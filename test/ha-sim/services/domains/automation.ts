import { newContext } from '../../context';
import type { SimState } from '../../entities/state-machine';
import type { ServiceAction } from '../../home-types';
import { cvBoolean } from '../../schema';
import { haTime } from '../../time';
import { writeState, type ServiceCall, type ServiceDefinition } from '../types';
import { runActions } from './run-actions';

/**
 * Automations: on/off, and `trigger` runs the actions. As in Home Assistant, a run gets a context of
 * its own whose parent is the call's, so its changes carry `{id, parent_id, user_id: null}`.
 */
export function automationServices(
  actions: Readonly<Record<string, ServiceAction[]>>,
): Record<string, ServiceDefinition> {
  async function trigger(automation: SimState, call: ServiceCall): Promise<void> {
    const context = newContext(null, call.context.id);
    const started = { ...automation.attributes, last_triggered: haTime(call.now()), current: 1 };
    call.states.set(automation.entity_id, automation.state, started, context);
    await runActions(call, actions[automation.entity_id] ?? [], context);
    const done = call.states.get(automation.entity_id);
    if (done)
      call.states.set(done.entity_id, done.state, { ...done.attributes, current: 0 }, context);
  }

  return {
    turn_on: {
      kind: 'entity',
      name: 'Turn on',
      description: 'Enables an automation.',
      fields: [],
      run: (a, call) => writeState(call, a, 'on'),
    },
    turn_off: {
      kind: 'entity',
      name: 'Turn off',
      description: 'Disables an automation.',
      fields: [{ key: 'stop_actions', validate: cvBoolean, default: true }],
      run: (a, call) => writeState(call, a, 'off'),
    },
    toggle: {
      kind: 'entity',
      name: 'Toggle',
      description: 'Toggles (enable / disable) an automation.',
      fields: [],
      run: (a, call) => writeState(call, a, a.state === 'on' ? 'off' : 'on'),
    },
    trigger: {
      kind: 'entity',
      name: 'Trigger',
      description: 'Triggers the actions of an automation.',
      fields: [{ key: 'skip_condition', validate: cvBoolean, default: true }],
      run: trigger,
    },
    reload: {
      kind: 'plain',
      name: 'Reload',
      description: 'Reloads the automation configuration.',
      fields: [],
      run: () => undefined,
    },
  };
}
