import { mentionRanges } from '@erun/contracts';

/** Where an "@…" being typed starts (the index of "@") and what follows it up to the caret. */
export function activeMention(value: string, caret: number): { start: number; query: string } | null {
  const before = value.slice(0, caret);
  const match = /(^|\s)@([^\s@]*)$/u.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query };
}

/** Splits text into plain parts and "@닉네임" mentions of the given names (the server's rule). */
export function mentionSegments(text: string, names: Set<string>): { text: string; mention: boolean }[] {
  const parts: { text: string; mention: boolean }[] = [];
  let last = 0;
  for (const { start, end } of mentionRanges(text, names)) {
    if (start > last) parts.push({ text: text.slice(last, start), mention: false });
    parts.push({ text: text.slice(start, end), mention: true });
    last = end;
  }
  if (last < text.length) parts.push({ text: text.slice(last), mention: false });
  return parts;
}
