/**
 * Spots email addresses that look mistyped ("gmial.com", "yahoo.cmo") and proposes the likely
 * correction. A suggestion is only a hint for staff: the address may be right after all.
 */

/** Mailbox providers clients use most, most common first (ties pick the earlier one). */
const KNOWN_DOMAINS = [
  'gmail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'icloud.com',
  'aol.com',
  'comcast.net',
  'protonmail.com',
  'proton.me',
  'live.com',
  'msn.com',
  'me.com',
  'mac.com',
  'ymail.com',
  'googlemail.com',
  'att.net',
  'verizon.net',
  'sbcglobal.net',
  'bellsouth.net',
  'charter.net',
  'cox.net',
  'earthlink.net',
  'hotmail.co.uk',
  'yahoo.co.uk',
  'gmx.com',
  'zoho.com',
  'fastmail.com',
  // Real providers one letter away from a popular one: listed so they are never "corrected".
  'mail.com',
  'email.com',
] as const;

/** Top-level domains nobody has, mapped to the one that was meant. */
const MISTYPED_TLDS: Readonly<Record<string, string>> = {
  cmo: 'com',
  con: 'com',
  ocm: 'com',
  cm: 'com',
  comm: 'com',
  coom: 'com',
  cpm: 'com',
  cim: 'com',
  vom: 'com',
  xom: 'com',
  c0m: 'com',
  nte: 'net',
  ner: 'net',
  nett: 'net',
  ogr: 'org',
  rog: 'org',
  orgg: 'org',
};

/** Second-level labels under a country code (`company.com.cm`): their TLD is real, not a typo. */
const GENERIC_SECOND_LEVEL = new Set(['com', 'net', 'org', 'co', 'gov', 'edu', 'ac']);

/** Provider names shorter than this are too easy to hit by accident (`aon.com` is not `aol.com`). */
const MIN_FUZZY_LABEL = 5;

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring characters each cost 1, so "gmial" is one step from "gmail".
 */
export function editDistance(a: string, b: string): number {
  // Three rows of the table (a swap looks two rows back), reused for every row: this runs for each
  // known provider on every address a widget shows, so it allocates three small arrays, not a table.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

function splitFirstLabel(domain: string): [string, string] {
  const dot = domain.indexOf('.');
  return [domain.slice(0, dot), domain.slice(dot + 1)];
}

/** The known provider closest to `domain`, when it is close enough to be a slip of the finger. */
/** Each known provider with its first label and the rest, split once. */
let knownSplit: [domain: string, label: string, suffix: string][] | undefined;

function nearestProvider(domain: string): string | null {
  const [label, suffix] = splitFirstLabel(domain);
  let best: string | null = null;
  let bestScore = Infinity;
  knownSplit ??= KNOWN_DOMAINS.map((known) => [known, ...splitFirstLabel(known)]);
  for (const [known, knownLabel, knownSuffix] of knownSplit) {
    const labelDistance = label === knownLabel ? 0 : knownLabel.length >= MIN_FUZZY_LABEL ? editDistance(label, knownLabel) : Infinity;
    const suffixDistance = suffix === knownSuffix ? 0 : editDistance(suffix, knownSuffix);
    const allowed = knownLabel.length >= 6 ? 2 : 1;
    const score = labelDistance + suffixDistance;
    if (labelDistance <= allowed && suffixDistance <= 1 && score <= 2 && score < bestScore) {
      best = known;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Answers already worked out, by domain: a practice's thousands of clients share a few dozen
 * domains, and the practice overview checks every address. Bounded; cleared when full.
 */
const corrections = new Map<string, string | null>();
const CORRECTIONS_KEPT = 2_000;

/** The domain that was probably meant, or null when `domain` looks fine (or is beyond guessing). */
export function correctDomain(input: string): string | null {
  const domain = input.trim().toLowerCase().replace(/\.+$/, '');
  const known = corrections.get(domain);
  if (known !== undefined) return known;
  const corrected = correctNormalizedDomain(domain);
  if (corrections.size >= CORRECTIONS_KEPT) corrections.clear();
  corrections.set(domain, corrected);
  return corrected;
}

function correctNormalizedDomain(domain: string): string | null {
  if (!domain || (KNOWN_DOMAINS as readonly string[]).includes(domain)) return null;

  const labels = domain.split('.');
  if (labels.length === 1) {
    // A dropped dot: "gmailcom".
    return KNOWN_DOMAINS.find((known) => known.replace(/\./g, '') === domain) ?? null;
  }

  const tld = labels[labels.length - 1]!;
  const beforeTld = labels[labels.length - 2]!;
  const underCountryCode = labels.length > 2 && GENERIC_SECOND_LEVEL.has(beforeTld);
  const fixedTld = !underCountryCode && Object.hasOwn(MISTYPED_TLDS, tld) ? MISTYPED_TLDS[tld]! : tld;
  const fixed = [...labels.slice(0, -1), fixedTld].join('.');
  if ((KNOWN_DOMAINS as readonly string[]).includes(fixed)) return fixed;

  const provider = nearestProvider(fixed);
  if (provider) return provider;
  return fixed !== domain ? fixed : null;
}

/**
 * The address with its domain corrected (`ana@gmial.com` → `ana@gmail.com`), or null when nothing
 * looks wrong. The part before the `@` is kept exactly as it was typed.
 */
export function suggestEmailCorrection(address: string): string | null {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 1 || at === trimmed.length - 1) return null;
  const corrected = correctDomain(trimmed.slice(at + 1));
  return corrected ? `${trimmed.slice(0, at)}@${corrected}` : null;
}
