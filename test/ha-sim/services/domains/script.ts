import type { SimState, StateMachine } from '../../entities/state-machine';
import type { ServiceAction } from '../../home-types';
import { ofType } from '../../schema';
import { haTime } from '../../time';
import type { DomainProvider } from '../registry';
import { writeState, type PlainService, type ServiceCall, type ServiceDefinition } from '../types';
import { runActions } from './run-actions';

/**
 * Scripts: `script.turn_on` and `script.<name>` run a script (its state is `on` while it runs, with
 * `last_triggered` and `current`), and every script entity is also a service of its own.
 */
export function scriptDomain(
  actions: Readonly<Record<string, ServiceAction[]>>,
  states: StateMachine,
): DomainProvider {
  async function run(script: SimState, call: ServiceCall): Promise<void> {
    writeState(call, script, 'on', {
      ...script.attributes,
      last_triggered: haTime(call.now()),
      current: 1,
    });
    await runActions(call, actions[script.entity_id] ?? [], call.context);
    const done = call.states.get(script.entity_id);
    if (done) writeState(call, done, 'off', { ...done.attributes, current: 0 });
  }

  const services: Record<string, ServiceDefinition> = {
    turn_on: {
      kind: 'entity',
      name: 'Turn on',
      description: 'Runs the sequence of actions defined in a script.',
      fields: [{ key: 'variables', validate: ofType('dict') }],
      run,
    },
    turn_off: {
      kind: 'entity',
      name: 'Turn off',
      description: 'Stops a running script.',
      fields: [],
      run: (script, call) => writeState(call, script, 'off', { ...script.attributes, current: 0 }),
    },
    toggle: {
      kind: 'entity',
      name: 'Toggle',
      description: "Toggle a script. Starts it, if isn't running, stops it otherwise.",
      fields: [],
      run: (script, call) =>
        script.state === 'on'
          ? writeState(call, script, 'off', { ...script.attributes, current: 0 })
          : run(script, call),
    },
    reload: {
      kind: 'plain',
      name: 'Reload',
      description: 'Reloads all the available scripts.',
      fields: [],
      run: () => undefined,
    },
  };

  const ownService = (entity: SimState): PlainService => ({
    kind: 'plain',
    name: String(entity.attributes.friendly_name ?? entity.entity_id),
    description: '',
    fields: null,
    supportsResponse: true,
    run: async (call) => {
      const script = call.states.get(entity.entity_id);
      if (script && script.state !== 'unavailable') await run(script, call);
    },
  });

  const scripts = () => states.all().filter((s) => s.entity_id.startsWith('script.'));

  return {
    get: (service) => {
      if (Object.hasOwn(services, service)) return services[service];
      const entity = states.get(`script.${service}`);
      return entity ? ownService(entity) : undefined;
    },
    list: () => ({
      ...services,
      ...Object.fromEntries(
        scripts().map((s) => [s.entity_id.slice('script.'.length), ownService(s)]),
      ),
    }),
  };
}
