-- Issue 18, forgiving search: a run's search_text becomes one line per field, each NFC, lower-cased and
-- without whitespace (lib/search-text.ts runSearchText): title, meeting place, the place's 초성, description.
-- A crew's: name, home spot, level line, description (crewSearchText). Rows written from now on get it from the
-- server; these statements rewrite the rows stored before, the same way in SQL (the 초성 of a 한글 syllable is
-- its (code - 0xAC00) / 588th initial consonant).
UPDATE "runs" SET "search_text" = concat_ws(E'\n',
  regexp_replace(lower(normalize("title", NFC)), '\s+', '', 'g'),
  regexp_replace(lower(normalize("place_name", NFC)), '\s+', '', 'g'),
  coalesce((SELECT string_agg(
      substr('ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ', (ascii(ch) - 44032) / 588 + 1, 1), '' ORDER BY i)
    FROM regexp_split_to_table(normalize("place_name", NFC), '') WITH ORDINALITY AS t(ch, i)
    WHERE ascii(ch) BETWEEN 44032 AND 55203), ''),
  regexp_replace(lower(normalize("description", NFC)), '\s+', '', 'g'));
--> statement-breakpoint
UPDATE "crews" SET "search_text" = concat_ws(E'\n',
  regexp_replace(lower(normalize("name", NFC)), '\s+', '', 'g'),
  regexp_replace(lower(normalize("home_spot_name", NFC)), '\s+', '', 'g'),
  regexp_replace(lower(normalize("level", NFC)), '\s+', '', 'g'),
  regexp_replace(lower(normalize("description", NFC)), '\s+', '', 'g'));
