import type { Locator, Page } from 'playwright-core';

/**
 * A person at the app who makes no mistakes, counting what they do: each click (by what it was
 * for, in `clicked`), each key press that is not typing text (Tab, Enter, the paste shortcut),
 * and apart from those, each character they type.
 */
export class Person {
  clicks = 0;
  keys = 0;
  /** Characters typed, one key each: what a journey that promises no typing asserts is 0. */
  typed = 0;
  /** What each click was for, in order. */
  readonly clicked: string[] = [];

  async click(target: Locator, what = 'a click'): Promise<void> {
    this.count(what);
    await target.click();
  }

  /** A key pressed where the focus is (Tab, Enter...). */
  async press(page: Page, key: string): Promise<void> {
    this.keys++;
    await page.keyboard.press(key);
  }

  /** Text typed where the focus is: no click, no counted key, each character counted in `typed`. */
  async type(page: Page, text: string): Promise<void> {
    this.typed += [...text].length;
    await page.keyboard.type(text);
  }

  /** Ctrl+V into the focused field: one key press (the harness has no clipboard to paste from). */
  async paste(page: Page, text: string): Promise<void> {
    this.keys++;
    await page.keyboard.insertText(text);
  }

  /**
   * A field the browser fills from a saved password: the value is set with an input event, as
   * autofill sets it, with no key pressed. Nothing is counted, because the person did nothing.
   */
  async autofill(field: Locator, value: string): Promise<void> {
    await field.fill(value);
  }

  /** Something done outside the pages that is one click for a person (the tray icon). */
  async clickOutside<T>(what: () => Promise<T>, name = 'a click outside the pages'): Promise<T> {
    this.count(name);
    return what();
  }

  get actions(): number {
    return this.clicks + this.keys;
  }

  private count(what: string): void {
    this.clicks++;
    this.clicked.push(what);
  }
}
