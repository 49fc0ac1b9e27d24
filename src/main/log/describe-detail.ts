/** How deep a chain of causes (or an AggregateError's errors) is followed. */
const MAX_DEPTH = 4;
/** Stack lines kept per error: the top of the stack says where; the rest is the event loop. */
const MAX_STACK_LINES = 12;

function describeError(error: Error, depth: number): string {
  const indent = '  '.repeat(depth + 1);
  const stack = (error.stack ?? '')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim().startsWith('at '))
    .slice(0, MAX_STACK_LINES)
    .map((line) => `\n${indent}${line.trim()}`)
    .join('');
  let text = `${error.name}: ${error.message}${stack}`;
  if (depth >= MAX_DEPTH) return text;
  if (error instanceof AggregateError)
    for (const inner of error.errors as unknown[])
      text += `\n${indent}error: ${describeValue(inner, depth + 1)}`;
  if (error.cause !== undefined)
    text += `\n${indent}cause: ${describeValue(error.cause, depth + 1)}`;
  return text;
}

function describeValue(value: unknown, depth: number): string {
  if (value instanceof Error) return describeError(value, depth);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The text a log line gives its detail: an error with its name, message, stack and causes (each
 * on its own indented line); anything else as JSON. The whole line is redacted afterwards.
 */
export function describeDetail(detail: unknown): string {
  if (detail === undefined) return '';
  return ` ${describeValue(detail, 0)}`;
}
