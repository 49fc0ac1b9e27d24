import { whereaboutsDomain } from './whereabouts';

export const deviceTracker = whereaboutsDomain('device_tracker');
