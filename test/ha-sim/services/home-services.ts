import type { EntityRegistry } from '../entities/registry';
import type { StateMachine } from '../entities/state-machine';
import type { HaGeneration } from '../generation';
import type { Home } from '../home-types';
import { automationServices } from './domains/automation';
import { buttonServices } from './domains/button';
import { climateServices } from './domains/climate';
import { coverServices } from './domains/cover';
import { fanServices } from './domains/fan';
import { homeassistantServices } from './domains/homeassistant';
import { lightServices } from './domains/light';
import { lockServices } from './domains/lock';
import { mediaPlayerServices } from './domains/media-player';
import { onOffServices } from './domains/on-off';
import { sceneServices } from './domains/scene';
import { scriptDomain } from './domains/script';
import { staticDomain, type ServiceRegistry } from './registry';

/** Every service the simulated Home Assistant offers, with real effects on the home's states. */
export function registerHomeServices(
  services: ServiceRegistry,
  home: Pick<Home, 'scenes' | 'actions'>,
  states: StateMachine,
  registry: EntityRegistry,
  generation: HaGeneration,
): void {
  services.register('homeassistant', staticDomain(homeassistantServices(registry, services)));
  services.register('light', staticDomain(lightServices()));
  services.register('switch', staticDomain(onOffServices('switch')));
  services.register('input_boolean', staticDomain(onOffServices('input boolean')));
  services.register('fan', staticDomain(fanServices(generation)));
  services.register('cover', staticDomain(coverServices()));
  services.register('lock', staticDomain(lockServices()));
  services.register('scene', staticDomain(sceneServices(home.scenes)));
  services.register('script', scriptDomain(home.actions, states));
  services.register('button', staticDomain(buttonServices()));
  services.register('automation', staticDomain(automationServices(home.actions)));
  services.register('climate', staticDomain(climateServices(generation)));
  services.register('media_player', staticDomain(mediaPlayerServices()));
}
