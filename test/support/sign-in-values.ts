import type { DiscoveredInstance, DiscoveryView } from '../../src/shared/discovery';
import type { SignInStatus } from '../../src/shared/sign-in';

/** A Home Assistant that answered on the network, supported and not saved unless overridden. */
export const discovered = (overrides: Partial<DiscoveredInstance> = {}): DiscoveredInstance => ({
  uuid: 'a1',
  locationName: 'Home',
  url: 'http://192.168.1.10:8123',
  version: '2025.6.1',
  supported: true,
  savedAs: null,
  ...overrides,
});

/** The discovery while main browses, with what has answered so far. */
export const browsing = (instances: DiscoveredInstance[] = []): DiscoveryView => ({
  state: 'browsing',
  instances,
  message: null,
});

/** The browser sign-in in a phase, on the address of `discovered()`. */
export const signInAt = (
  phase: SignInStatus['phase'],
  message: string | null = null,
): SignInStatus => ({ phase, origin: 'http://192.168.1.10:8123', message });
