export {
  HaSimulator,
  SIM_OWNER_LOGIN,
  startSimulator,
  type SimUserOptions,
  type RestartOptions,
  type SimulatorOptions,
} from './simulator';
export type { SimUser } from './auth/auth-store';
export type { RegistryEdits } from './entities/registry';
export type { UnitSystemName } from './config';
export type { ReceivedCommand, ServiceCallRecord, SimStats } from './sim-context';
export { defaultHome, type HomeEntityState } from './home';
export { HA_GENERATIONS, HA_RELEASE, generationOf, type HaGeneration } from './generation';
