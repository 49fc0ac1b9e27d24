import { whereaboutsDomain } from './whereabouts';

export const person = whereaboutsDomain('person');
