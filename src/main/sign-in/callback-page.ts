/**
 * The plain page the browser shows when Home Assistant sends it back to HA Tray: no script, no
 * resource from anywhere, light or dark as the system is. `title` and `detail` are HA Tray's own
 * sentences, never text from the request.
 */
export function callbackPage(title: string, detail: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)} - HA Tray</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(detail)}</p>
</main>
</body>
</html>
`;
}

const PAGE_STYLE = `
:root { color-scheme: light dark; --bg: #f6f7f9; --fg: #1c1f24; --muted: #555b66; --card: #fff; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #16181c; --fg: #eceef2; --muted: #aab0bb; --card: #20232a; }
}
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: var(--bg);
  color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 30rem; margin: 1rem; padding: 2rem; border-radius: 12px; background: var(--card); }
h1 { font-size: 1.4rem; margin: 0 0 0.5rem; }
p { margin: 0; color: var(--muted); }
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page's Content-Security-Policy: only its own inline style, and nothing else. */
export const CALLBACK_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'";
