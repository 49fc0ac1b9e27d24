import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';

/** Some of the rows under a heading (an `h2`), e.g. the favourites on one floor. */
export interface RovingSection<T> {
  key: string;
  heading: string;
  items: readonly T[];
  /** Said after the heading, e.g. the connection of a Home Assistant's favourites. */
  aside?: ReactNode;
  /** The same items under headings one level down (an `h3`), e.g. floors in a Home Assistant. */
  sections?: readonly RovingSection<T>[] | null;
}

export interface RovingListProps<T> {
  /** The accessible name of the list, e.g. "Favourites". */
  label: string;
  items: readonly T[];
  /**
   * The same items, in the same order, under headings: each section a list of its own, named by
   * its heading, inside the one list. The arrows still move through every row.
   */
  sections?: readonly RovingSection<T>[] | null;
  /** A stable key per item. */
  itemKey: (item: T) => string;
  /** What one row says to a screen reader, e.g. "Kitchen lights: On". */
  itemLabel: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  className?: string;
  itemClassName?: (item: T) => string;
  /** Space on a row itself (not on a control in it): the row's main action. */
  onActivate?: (item: T, row: HTMLElement) => void;
  /** Enter on a row itself: opens the row (its detail view), where a list has one. */
  onOpen?: (item: T, row: HTMLElement) => void;
}

/**
 * Controls inside a row that use the arrow keys themselves (a slider, a number field, a text
 * box, a select). A switch or a checkbox does not: from there the arrows move between rows.
 */
const OWN_KEYS =
  'input:not([type="checkbox"]), textarea, select, [role="slider"], [role="spinbutton"]';

/** A row (`data-roving-row`): the arrows find the rows also inside sections. */
const ROW = '[data-roving-row]';

/**
 * Moves focus into the roving list inside `container`, to its current row (its one Tab stop):
 * for a box above the list that ArrowDown leads on from. False when the list has no rows.
 */
export function focusRovingList(container: HTMLElement | null): boolean {
  const current = container?.querySelector<HTMLElement>(`${ROW}[tabindex="0"]`);
  current?.focus();
  return current !== null && current !== undefined;
}

/**
 * A list with one Tab stop (WAI-ARIA roving tabindex): Tab reaches the current row, ArrowUp /
 * ArrowDown / Home / End move between rows - from the row or from a control in it - and Tab
 * again goes into the row's controls. Keys that a control in the row uses for itself are left
 * to it. On the row itself Space activates it and Enter opens it.
 */
export function RovingList<T>({
  label,
  items,
  sections,
  itemKey,
  itemLabel,
  renderItem,
  className,
  itemClassName,
  onActivate,
  onOpen,
}: RovingListProps<T>) {
  const [current, setCurrent] = useState<string | null>(null);
  const headingId = useId();
  const list = useRef<HTMLUListElement>(null);
  /** Focus is in the list: set on focus, cleared only when the user moves it out. */
  const holdsFocus = useRef(false);
  const keys = items.map(itemKey);
  const active = current !== null && keys.includes(current) ? current : (keys[0] ?? null);

  // When sections come or go (the floors arrive after the states) React builds the rows anew and
  // the focused one leaves the page without a blur: focus would fall to the body, where neither
  // the arrows nor the panel's Escape reach. It goes back to the current row instead.
  useLayoutEffect(() => {
    const root = list.current;
    if (!root || !holdsFocus.current || root.contains(document.activeElement)) return;
    const rows = [...root.querySelectorAll<HTMLElement>(ROW)];
    rows.find((row) => row.dataset.rovingKey === active)?.focus();
  });

  const onBlur = (event: FocusEvent<HTMLUListElement>) => {
    const to = event.relatedTarget;
    if (to instanceof Node && event.currentTarget.contains(to)) return;
    holdsFocus.current = false;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const moves: Record<string, (i: number) => number> = {
      ArrowDown: (i) => Math.min(keys.length - 1, i + 1),
      ArrowUp: (i) => Math.max(0, i - 1),
      Home: () => 0,
      End: () => keys.length - 1,
    };
    const move = moves[event.key];
    if (!move || event.defaultPrevented || keys.length === 0) return;
    if (event.target instanceof Element && event.target.closest(OWN_KEYS)) return;
    const rows = [...event.currentTarget.querySelectorAll<HTMLElement>(ROW)];
    const from = rows.findIndex((row) => row.contains(event.target as Node));
    const to = move(Math.max(0, from));
    event.preventDefault();
    setCurrent(keys[to]!);
    rows[to]?.focus();
  };

  const row = (item: T) => {
    const key = itemKey(item);
    return (
      <li
        key={key}
        data-roving-row
        data-roving-key={key}
        className={itemClassName?.(item)}
        tabIndex={key === active ? 0 : -1}
        aria-label={itemLabel(item)}
        onFocus={(event) => {
          if (event.target === event.currentTarget) setCurrent(key);
        }}
        onKeyDown={(event) => {
          if (event.target !== event.currentTarget) return;
          const handler = { ' ': onActivate, Enter: onOpen }[event.key];
          if (!handler) return;
          event.preventDefault();
          handler(item, event.currentTarget);
        }}
      >
        {renderItem(item)}
      </li>
    );
  };

  const sectionList = (
    list: readonly RovingSection<T>[],
    idPrefix: string,
    level: 2 | 3,
  ): ReactNode =>
    list.map((section, index) => {
      const id = `${idPrefix}${index}`;
      const Heading = level === 2 ? 'h2' : 'h3';
      const heading = (
        <Heading id={id} className="roving-heading">
          {section.heading}
        </Heading>
      );
      return (
        <li key={section.key} className={`roving-section level-${level}`}>
          {section.aside ? (
            <div className="roving-heading-line">
              {heading}
              {section.aside}
            </div>
          ) : (
            heading
          )}
          <ul aria-labelledby={id}>
            {section.sections ? sectionList(section.sections, `${id}-`, 3) : section.items.map(row)}
          </ul>
        </li>
      );
    });

  return (
    <ul
      ref={list}
      className={className}
      aria-label={label}
      onKeyDown={onKeyDown}
      onFocus={() => (holdsFocus.current = true)}
      onBlur={onBlur}
    >
      {sections ? sectionList(sections, `${headingId}-`, 2) : items.map(row)}
    </ul>
  );
}
