/**
 * The panel's global shortcut, an Electron accelerator ("CommandOrControl+Alt+H"). One check for
 * every side: the settings schema, main before it registers, and the shortcut editor. A global
 * shortcut takes its keys away from every other app, so it must hold Ctrl, Alt, Cmd or Super:
 * a bare key or Shift+key would swallow ordinary typing.
 */

const MODIFIERS: Record<string, string> = {
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

/** Modifiers that make a combination safe to take system-wide (Shift alone does not). */
const STRONG = new Set(['Command', 'Control', 'CommandOrControl', 'Alt', 'AltGr', 'Super']);
const ORDER = ['CommandOrControl', 'Command', 'Control', 'Alt', 'AltGr', 'Shift', 'Super'];

const NAMED_KEYS = [
  'Plus',
  'Space',
  'Tab',
  'Backspace',
  'Delete',
  'Insert',
  'Return',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'Esc',
  'PrintScreen',
  'num0',
  'num1',
  'num2',
  'num3',
  'num4',
  'num5',
  'num6',
  'num7',
  'num8',
  'num9',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
];
const KEYS = new Map(NAMED_KEYS.map((key) => [key.toLowerCase(), key]));

function canonicalKey(part: string): string | null {
  if (/^[a-z0-9]$/i.test(part)) return part.toUpperCase();
  if (/^f([1-9]|1[0-9]|2[0-4])$/i.test(part)) return part.toUpperCase();
  if (/^[-=[\]\\;',./`]$/.test(part)) return part;
  return KEYS.get(part.toLowerCase()) ?? null;
}

export type ShortcutCheck = { ok: true; accelerator: string } | { ok: false; message: string };

/** Checks a non-empty accelerator and returns it in one spelling, modifiers first. */
export function checkShortcut(text: string): ShortcutCheck {
  const parts = text.split('+').map((part) => part.trim());
  const modifiers = new Set<string>();
  const keys: string[] = [];
  for (const part of parts) {
    const modifier = MODIFIERS[part.toLowerCase()];
    if (modifier) modifiers.add(modifier);
    else if (part !== '') keys.push(part);
  }
  if (keys.length !== 1)
    return {
      ok: false,
      message: 'A shortcut is one key with Ctrl, Alt or Cmd, for example Ctrl+Alt+H.',
    };
  const key = canonicalKey(keys[0]!);
  if (!key) return { ok: false, message: `“${keys[0]}” is not a key a shortcut can use.` };
  if (![...modifiers].some((m) => STRONG.has(m)))
    return {
      ok: false,
      message:
        'Add Ctrl, Alt or Cmd to the key: a shortcut without one would take the key from every other app.',
    };
  const ordered = ORDER.filter((m) => modifiers.has(m));
  return { ok: true, accelerator: [...ordered, key].join('+') };
}

/** What the user sees when another app holds the combination. */
export function shortcutTakenMessage(accelerator: string, mac: boolean): string {
  return `${describeShortcut(accelerator, mac)} is already taken by another app. Choose another combination.`;
}

/** An accelerator as the user's keyboard names it: "Ctrl+Alt+H", or "⌘⌥H" on a Mac. */
export function describeShortcut(accelerator: string, mac: boolean): string {
  const words: Record<string, string> = mac
    ? {
        CommandOrControl: '⌘',
        Command: '⌘',
        Control: '⌃',
        Alt: '⌥',
        AltGr: '⌥',
        Shift: '⇧',
        Super: '⌘',
      }
    : {
        CommandOrControl: 'Ctrl+',
        Command: 'Super+',
        Control: 'Ctrl+',
        Alt: 'Alt+',
        AltGr: 'AltGr+',
        Shift: 'Shift+',
        Super: 'Super+',
      };
  return accelerator
    .split('+')
    .map((part) => words[part] ?? part)
    .join('');
}

/** The keyboard event fields the recorder reads (a DOM KeyboardEvent has them). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

const CODE_KEYS: Record<string, string> = {
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
};

/**
 * A key press in the shortcut editor as an accelerator, or null while only modifiers are held.
 * The physical key (`code`) is used, so Alt+H on a Mac (which types "˙") still records "H".
 * The result still goes through checkShortcut: a bare key is recorded, then refused there.
 */
export function acceleratorFromKeyPress(press: KeyPress, mac: boolean): string | null {
  if (['Control', 'Alt', 'Shift', 'Meta', 'AltGraph', 'OS'].includes(press.key)) return null;
  const key =
    /^Key[A-Z]$/.test(press.code) || /^Digit[0-9]$/.test(press.code)
      ? press.code.slice(-1)
      : (CODE_KEYS[press.code] ?? (press.key === ' ' ? 'Space' : press.key));
  const parts: string[] = [];
  if (press.ctrlKey) parts.push(mac ? 'Control' : 'CommandOrControl');
  if (press.metaKey && mac) parts.push('CommandOrControl');
  if (press.altKey) parts.push('Alt');
  if (press.shiftKey) parts.push('Shift');
  if (press.metaKey && !mac) parts.push('Super');
  return [...parts, key].join('+');
}
