/**
 * Python's `repr()` of a JSON value, as Home Assistant's error messages quote the offending value
 * ("... Got 'x'"), including voluptuous' cut at 500 characters.
 */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${pyString(k)}: ${pyRepr(v)}`)
      .join(', ')}}`;
  return String(value);
}

function pyNumber(n: number): string {
  if (Number.isInteger(n) || !Number.isFinite(n)) return String(n);
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

function pyString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)
      out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return quote + out + quote;
}

const MAX_ITEM_LENGTH = 500;

/** voluptuous.humanize: the offending item, cut to 500 characters. */
export function offendingSummary(value: unknown): string {
  const summary = pyRepr(value);
  return summary.length > MAX_ITEM_LENGTH ? `${summary.slice(0, MAX_ITEM_LENGTH - 3)}...` : summary;
}
