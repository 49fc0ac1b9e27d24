import type { EntityState } from '../entity';
import type { EntityView } from '../entity-view';
import { defineDomain, planned, type ActionPlanResult, type DomainModule } from './domain';

/** The explicit service, not `toggle`: the click means what the user saw in the menu. */
export function toggle(entity: EntityState, domain: string): ActionPlanResult {
  return entity.state === 'on'
    ? planned(domain, 'turn_off', 'Turn off')
    : planned(domain, 'turn_on', 'Turn on');
}

/** A plain on/off domain (switch, input_boolean, automation, siren, humidifier). */
export function onOffDomain(domain: string, icons: { on: string; off: string }): DomainModule<[]> {
  return defineDomain({
    domain,
    tray: 'switch',
    onOff: true,
    primary: (entity) => toggle(entity, domain),
    controls: () => [{ kind: 'switch' }],
    ruleStates: ['on', 'off'],
    icon: (entity: EntityView) => (entity.state === 'on' ? icons.on : icons.off),
  });
}
