/** One article of a legal text: a heading, paragraphs, a list, and optionally a table (what is kept, why, how long). */
export interface LegalSection {
  heading: string;
  paragraphs?: string[];
  items?: string[];
  table?: { caption: string; head: string[]; rows: string[][] };
}

/** A terms or privacy text in one language; the version and date come from the contracts. */
export interface LegalText {
  title: string;
  intro: string;
  sections: LegalSection[];
}
