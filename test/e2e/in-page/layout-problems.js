// Runs inside the page (page.evaluate of this file's text): WCAG 1.4.10 as laid out. Plain
// JavaScript because the node test project has no DOM types.
/* global window, document, getComputedStyle */
(() => {
  const problems = [];
  const width = window.innerWidth;
  const name = (el) =>
    `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
  if (document.documentElement.scrollWidth > width + 1)
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  // Visually hidden on purpose: ours (.visually-hidden) and react-aria's (an inline 1 px clip
  // around a control's native input).
  const skipped = (el) =>
    el.closest('.audit, .visually-hidden, [aria-hidden="true"], [style*="clip-path: inset(50%)"]');
  for (const el of document.body.querySelectorAll('*')) {
    if (skipped(el)) continue;
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1)
      problems.push(`${name(el)} sticks out: right edge ${Math.round(box.right)} > ${width}`);
    const style = getComputedStyle(el);
    const clips = style.overflowX === 'hidden' || style.textOverflow === 'ellipsis';
    if (clips && el.scrollWidth > el.clientWidth + 1)
      problems.push(`${name(el)} is cut: ${el.scrollWidth} > ${el.clientWidth}`);
  }
  for (const group of document.querySelectorAll('li.favourite, .panel-header, .favourite-item')) {
    const parts = [...group.children]
      .filter((c) => !skipped(c))
      .map((c) => ({ c, r: c.getBoundingClientRect() }))
      .filter((p) => p.r.width > 0 && p.r.height > 0);
    for (let i = 0; i < parts.length; i++)
      for (let j = i + 1; j < parts.length; j++) {
        const a = parts[i].r;
        const b = parts[j].r;
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 1 && y > 1) problems.push(`${name(parts[i].c)} overlaps ${name(parts[j].c)}`);
      }
  }
  return problems;
})();
