import { numberIcon, valueDomain } from './sensor';

export const inputNumber = valueDomain('input_number', numberIcon);
