-- Full-text search over fact text and quotes: what SQLite's facts_fts and facts_words do
-- (drizzle/0006), written by hand because drizzle-kit cannot express text search
-- configurations, and a generated column declared in db/schema-pg would change Fact's row type.
--
-- One generated tsvector column, `search`, with a GIN index:
--   weight A: the text's words stemmed (English Snowball, Porter's successor), 'B': the quote's;
--   weight D: the unstemmed words of both, for completing the last word a user typed as a
--   prefix ('cooperat':*D finds "cooperation", which the stemmed 'cooper' would not).
-- Both fold case (lower() under the cluster's UTF-8 ctype: Cyrillic too, no JavaScript function)
-- and Latin diacritics (unaccent; it also folds Cyrillic ё to е, which SQLite keeps: index and
-- query fold alike, so "провё" still finds "провёл"). No stop words: SQLite's index has none,
-- so "and" or "not" remain searchable words. The party filter is a join on fact_parties, not
-- tokens in the index as SQLite's FTS5 needs.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE TEXT SEARCH DICTIONARY chancery_english_stem (TEMPLATE = snowball, Language = english);
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION chancery_stemmed (COPY = pg_catalog.english);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION chancery_stemmed
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, chancery_english_stem;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION chancery_words (COPY = pg_catalog.simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION chancery_words
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
--> statement-breakpoint
ALTER TABLE "facts" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('chancery_stemmed', "text"), 'A')
  || setweight(to_tsvector('chancery_stemmed', "quote"), 'B')
  || setweight(to_tsvector('chancery_words', "text"), 'D')
  || setweight(to_tsvector('chancery_words', "quote"), 'D')
) STORED;
--> statement-breakpoint
CREATE INDEX "facts_search_idx" ON "facts" USING gin ("search");
