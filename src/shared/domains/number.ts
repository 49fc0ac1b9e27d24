import { numberIcon, valueDomain } from './sensor';

export const number = valueDomain('number', numberIcon);
