export {
  HaSimulator,
  startSimulator,
  type RestartOptions,
  type SimulatorOptions,
} from './simulator';
export type { SimUser } from './auth/auth-store';
export type { ServiceCallRecord, SimStats } from './sim-context';
export { defaultHome, type HomeEntityState } from './home';
