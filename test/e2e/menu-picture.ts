import type { MenuItemSpec } from '../../src/main/tray/tray-host';

/**
 * A test and documentation tool, not app code: draws the tray's menu model (the MenuItemSpec tree
 * the tray hands to Electron) as plain HTML that looks like a desktop menu, because the native
 * menu cannot be captured here. Submenus show as "▸" entries; the one named `open` is drawn
 * opened beside its entry. A journey reads the drawn rows back (`drawnOutline`) and compares them
 * with `menuOutline` of the model it drew.
 */
export function menuPictureHtml(items: MenuItemSpec[], open: string, caption: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tray menu</title>
<style>${STYLE}</style></head><body><main>${menuHtml(items, open)}<p class="caption">${escape(caption)}</p></main></body></html>`;
}

/** One line per row as a person reads it, opened submenus indented under their entry. */
export function menuOutline(items: MenuItemSpec[], open: string, indent = ''): string[] {
  return items.flatMap((item) => [
    `${indent}${rowWords(item)}`,
    ...(item.type === 'submenu' && item.label === open
      ? menuOutline(item.submenu, open, `${indent}  `)
      : []),
  ]);
}

function rowWords(item: MenuItemSpec): string {
  if (item.type === 'separator') return '-';
  const state = item.enabled === false ? ' (disabled)' : '';
  if (item.type === 'submenu') return `${item.label} ▸${state}`;
  const box = item.type === 'checkbox' ? (item.checked ? '☑ ' : '☐ ') : '';
  return `${box}${item.label}${state}`;
}

/**
 * The rows as drawn, in the words of `menuOutline`, read from what the page shows (marks, labels,
 * greyed rows, nesting): evaluated in the page.
 */
export const drawnOutline = `[...document.querySelectorAll('li[data-kind]')].map((li) => {
  let depth = 0;
  for (let up = li.parentElement; up; up = up.parentElement) if (up.matches('li')) depth++;
  const indent = '  '.repeat(depth);
  if (li.dataset.kind === 'separator') return indent + '-';
  const text = (part) => li.querySelector(':scope > .' + part).textContent;
  const state = li.classList.contains('disabled') ? ' (disabled)' : '';
  if (li.dataset.kind === 'submenu') return indent + text('label') + ' ' + text('side') + state;
  const box = li.dataset.kind === 'checkbox' ? (text('mark') === '✓' ? '☑ ' : '☐ ') : '';
  return indent + box + text('label') + state;
})`;

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** "CommandOrControl+Alt+H" as Linux and Windows menus show it. */
const accelerator = (keys: string) => keys.replace('CommandOrControl', 'Ctrl');

function menuHtml(items: MenuItemSpec[], open: string): string {
  const rows = items.map((item) => {
    const outline = `data-kind="${item.type}"`;
    if (item.type === 'separator') return `<li class="separator" role="separator" ${outline}></li>`;
    const disabled = item.enabled === false ? ' disabled' : '';
    if (item.type === 'submenu') {
      const opened = item.label === open;
      return `<li class="row submenu${disabled}${opened ? ' opened' : ''}" ${outline}>
<span class="mark"></span><span class="label">${escape(item.label)}</span><span class="side">▸</span>
${opened ? menuHtml(item.submenu, open) : ''}</li>`;
    }
    const mark = item.type === 'checkbox' ? (item.checked ? '✓' : '') : '';
    const side = item.type === 'normal' && item.accelerator ? accelerator(item.accelerator) : '';
    return `<li class="row${disabled}" ${outline}><span class="mark">${mark}</span><span class="label">${escape(item.label)}</span><span class="side">${escape(side)}</span></li>`;
  });
  return `<ul class="menu">${rows.join('')}</ul>`;
}

const STYLE = `
body { margin: 0; padding: 16px; font: 14px/1.2 system-ui, "Cantarell", "Segoe UI", sans-serif;
  background: #dfe3e8; color: #1d1d1f; }
main { display: inline-block; }
.menu { list-style: none; margin: 0; padding: 4px 0; min-width: 260px; background: #fbfbfb;
  border: 1px solid #b9bec5; border-radius: 6px; box-shadow: 0 6px 18px rgb(0 0 0 / 0.18);
  display: inline-block; vertical-align: top; }
.row { display: grid; grid-template-columns: 22px auto 1fr; align-items: center; gap: 4px;
  padding: 5px 12px 5px 6px; white-space: nowrap; position: relative; }
.row .side { text-align: right; color: #6b6f75; padding-left: 24px; }
.row.disabled { color: #8a8e94; }
.row.opened { background: #3d7bd9; color: #fff; border-radius: 4px; margin: 0 4px; }
.row.opened > .side { color: #fff; }
.row.opened > .menu { position: absolute; left: calc(100% + 2px); top: -5px; color: #1d1d1f; }
.mark { text-align: center; }
.separator { height: 1px; margin: 4px 0; background: #dcdfe3; }
.caption { margin: 12px 0 0; color: #44484d; font-size: 12px; max-width: 300px; }
`;
