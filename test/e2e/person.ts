import type { Locator, Page } from 'playwright-core';

/**
 * A person at the app who makes no mistakes, counting what they do: each click, and each key
 * press that is not typing text (Tab, Enter, the paste shortcut). Typed text is not counted.
 */
export class Person {
  clicks = 0;
  keys = 0;

  async click(target: Locator): Promise<void> {
    this.clicks++;
    await target.click();
  }

  /** A key pressed where the focus is (Tab, Enter...). */
  async press(page: Page, key: string): Promise<void> {
    this.keys++;
    await page.keyboard.press(key);
  }

  /** Text typed where the focus is: no click, no counted key. */
  async type(page: Page, text: string): Promise<void> {
    await page.keyboard.type(text);
  }

  /** Ctrl+V into the focused field: one key press (the harness has no clipboard to paste from). */
  async paste(page: Page, text: string): Promise<void> {
    this.keys++;
    await page.keyboard.insertText(text);
  }

  /** Something done outside the pages that is one click for a person (the tray icon). */
  async clickOutside<T>(what: () => Promise<T>): Promise<T> {
    this.clicks++;
    return what();
  }

  get actions(): number {
    return this.clicks + this.keys;
  }
}
