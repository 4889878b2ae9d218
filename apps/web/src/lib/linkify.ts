export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Only web addresses written out with their scheme become links: "javascript:", "data:" and the like never match.
const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/gi;
// Punctuation that ends a sentence rather than the address ("see https://a.kr/x." or "(https://a.kr)").
const TRAILING = /[.,!?;:'")\]}>…。、]+$/;

/** A safe href for a matched address, or null: it must parse as an http(s) URL. */
function hrefOf(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Splits plain text into text and link segments; rendering them as React nodes keeps everything escaped. */
export function linkify(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  const push = (part: string) => {
    if (part === '') return;
    const previous = segments[segments.length - 1];
    if (previous?.kind === 'text') previous.text += part;
    else segments.push({ kind: 'text', text: part });
  };
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    let raw = match[0];
    const trailing = TRAILING.exec(raw)?.[0] ?? '';
    raw = raw.slice(0, raw.length - trailing.length);
    // Keep a closing parenthesis that belongs to the address, e.g. a wiki link "…/Seoul_(city)".
    if (trailing.startsWith(')') && raw.includes('(') && !raw.includes(')')) raw += ')';
    const href = hrefOf(raw);
    push(text.slice(last, start));
    if (href) segments.push({ kind: 'link', text: raw, href });
    else push(raw);
    last = start + raw.length;
  }
  push(text.slice(last));
  return segments;
}
