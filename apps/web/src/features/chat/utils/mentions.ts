/** Where an "@…" being typed starts (the index of "@") and what follows it up to the caret. */
export function activeMention(value: string, caret: number): { start: number; query: string } | null {
  const before = value.slice(0, caret);
  const match = /(^|\s)@([^\s@]*)$/u.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query };
}

/** Splits text into plain parts and "@닉네임" mentions of the given names (exact, like the server). */
export function mentionSegments(text: string, names: Set<string>): { text: string; mention: boolean }[] {
  const parts: { text: string; mention: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(/@([^\s@]+)/gu)) {
    const name = match[1] ?? '';
    if (!names.has(name)) continue;
    const at = match.index;
    if (at > last) parts.push({ text: text.slice(last, at), mention: false });
    parts.push({ text: match[0], mention: true });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), mention: false });
  return parts;
}
