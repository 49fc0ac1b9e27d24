/**
 * A token whose signature no longer matches. Changes a character in the middle of the signature:
 * changing the last one can leave the decoded bytes as they were (its low bits are padding).
 */
export function tamper(token: string): string {
  const at = token.lastIndexOf('.') + 5;
  const replacement = token[at] === 'A' ? 'B' : 'A';
  return `${token.slice(0, at)}${replacement}${token.slice(at + 1)}`;
}
