export { HaSimulator, startSimulator, type SimulatorOptions, type SimStats } from './server';
export type { SimUser } from './auth';
export { defaultHome, scaleHome, type HomeEntityState, type Home, type HomeEntity, type Area } from './home';
