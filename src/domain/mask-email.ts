/**
 * An email address as the activity trail keeps it: the first character of the local part, `•••`,
 * then the domain (`blake@example.com` → `b•••@example.com`). Servers mask when they record, so
 * the trail never holds a full address; the domain stays because it tells a typo (`gmial.com`).
 */
export function maskEmail(address: string): string {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf('@');
  const local = at > 0 ? trimmed.slice(0, at) : trimmed;
  const domain = at > 0 ? trimmed.slice(at + 1) : '';
  // The first code point (not UTF-16 unit), never a bullet, space or @ (the mask's own characters).
  const first = Array.from(local)[0] ?? '';
  const lead = first && !/[\s@•]/u.test(first) ? first : '?';
  return `${lead}•••@${domain.replace(/[\s@]/g, '') || 'unknown'}`.slice(0, 254);
}
