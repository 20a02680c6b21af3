-- The search index reads text as SQLite's FTS5 (unicode61) does: words are runs of letters and
-- digits, anything else separates them. PostgreSQL's default parser instead reads markup as tags
-- (skipped: "<b>Almaty</b>"'s word is lost, and "<script>x.y=1</script>" hides "x" and "y"),
-- host and file names, e-mail addresses and decimals as single tokens ("mfa.gov.kz", "49.7"),
-- so a search for "gov" or "49" missed them. Now every character that is not a letter or digit
-- becomes a space before parsing (one for one, so ts_headline over the same copy marks the same
-- places as in the original: db/queries/_fact-search-postgres.ts), and numbers and words with
-- digits ("2023", "G20") are folded as words are.
ALTER TEXT SEARCH CONFIGURATION chancery_stemmed ALTER MAPPING FOR numword, uint, int WITH unaccent, simple;
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION chancery_words ALTER MAPPING FOR numword, uint, int WITH unaccent, simple;
--> statement-breakpoint
-- PostgreSQL 15 cannot change a generated column's expression: the column (and its GIN index)
-- is made again.
ALTER TABLE "facts" DROP COLUMN "search";
--> statement-breakpoint
ALTER TABLE "facts" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('chancery_stemmed', regexp_replace("text", '[^[:alnum:]]', ' ', 'g')), 'A')
  || setweight(to_tsvector('chancery_stemmed', regexp_replace("quote", '[^[:alnum:]]', ' ', 'g')), 'B')
  || setweight(to_tsvector('chancery_words', regexp_replace("text", '[^[:alnum:]]', ' ', 'g')), 'D')
  || setweight(to_tsvector('chancery_words', regexp_replace("quote", '[^[:alnum:]]', ' ', 'g')), 'D')
) STORED;
--> statement-breakpoint
CREATE INDEX "facts_search_idx" ON "facts" USING gin ("search");
