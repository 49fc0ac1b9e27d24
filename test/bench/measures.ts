import type { Measure } from './measure';
import { reconnectMeasure } from './reconnect.bench-measure';

/** Every keyed figure of `npm run bench`: a new group is one module here plus its entry. */
export const measures: Measure[] = [reconnectMeasure];
