import { pressDomain } from './pressed';

export const inputButton = pressDomain('input_button');
