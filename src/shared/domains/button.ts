import { pressDomain } from './pressed';

export const button = pressDomain('button');
