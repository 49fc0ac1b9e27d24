import { domainOf } from '../entity';
import type { WatchedSource } from '../numeric-value';
import { attributeName } from '../state-text';

/** What a rule on a number watches, as its description's subject: "it", "the current temperature". */
export function watchedSubject(rule: WatchedSource & { entityId: string }): string {
  return rule.attribute === undefined
    ? 'it'
    : `the ${attributeName(domainOf(rule.entityId), rule.attribute).toLowerCase()}`;
}
