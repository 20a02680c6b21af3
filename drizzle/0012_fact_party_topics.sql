-- What serves a briefing's proposals (issue 18, db/queries/briefings/propose-facts.ts): one row per
-- fact, party and topic, keyed (party_id, seq, topic_id), with a copy of the columns a proposal
-- filters and sorts on: the topic's sort order, whether it is the fact's first topic (the lowest
-- in topic order, then id), the fact's dates, marking, timestamps and deleted_at. Before it, a
-- proposal scanned the party index, then probed per fact fact_topics, topics and facts (its text
-- key, then its row) and sorted the lot twice. Now a country's facts are one range of one B-tree
-- read in key order (so grouped by fact without sorting), a search hit (facts_fts is keyed by
-- seq) is one probe, and with every topic chosen the sections index below serves the counts and
-- the page in order. WITHOUT ROWID: the key is the table, no second copy.
-- It is kept equal to the view below (facts with a seq, joined to their parties and topics) by
-- the triggers after it, on every write to facts, fact_parties, fact_topics and topics' order
-- (tests/unit/fact-party-topics.test.ts checks it after random edits, deletes, restores and
-- imports). Deleted facts stay, with their deleted_at, as in facts. Not in db/schema (like
-- facts_fts): the data layer only reads it. Written by hand: drizzle-kit cannot express triggers.
CREATE VIEW `fact_party_topics_joined` AS
  SELECT fp.`party_id`, f.`seq`, ft.`topic_id`, t.`sort_order` AS `topic_order`,
    NOT EXISTS (SELECT 1 FROM `fact_topics` ft2 JOIN `topics` t2 ON t2.`id` = ft2.`topic_id` WHERE ft2.`fact_id` = f.`id`
      AND (t2.`sort_order` < t.`sort_order` OR (t2.`sort_order` = t.`sort_order` AND t2.`id` < t.`id`))) AS `first_topic`,
    f.`id` AS `fact_id`, f.`deleted_at`,
    f.`marking`, f.`date_start`, f.`date_end`, f.`created_at`, f.`updated_at`
  FROM `facts` f JOIN `fact_parties` fp ON fp.`fact_id` = f.`id` JOIN `fact_topics` ft ON ft.`fact_id` = f.`id`
    JOIN `topics` t ON t.`id` = ft.`topic_id`
  WHERE f.`seq` IS NOT NULL;
--> statement-breakpoint
CREATE TABLE `fact_party_topics` (
  `party_id` text NOT NULL,
  `seq` integer NOT NULL,
  `topic_id` text NOT NULL,
  `topic_order` integer NOT NULL,
  `first_topic` integer NOT NULL,
  `fact_id` text NOT NULL,
  `deleted_at` text,
  `marking` text NOT NULL,
  `date_start` text NOT NULL,
  `date_end` text NOT NULL,
  `created_at` text NOT NULL,
  `updated_at` text NOT NULL,
  PRIMARY KEY (`party_id`, `seq`, `topic_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `fact_party_topics` SELECT * FROM `fact_party_topics_joined`;
--> statement-breakpoint
-- A live fact's first topic (the lowest in topic order) for each of its parties, in section order,
-- newest first, with every column a proposal reads (first_topic and deleted_at too, constant
-- here: SQLite counts an index as covering only if it holds every column the query names): with
-- every topic chosen (where a fact's section is its first topic), a country's counts are one
-- pass of this index in order, grouped without a sort, and its first page the first rows read.
CREATE INDEX `fact_party_topics_sections_idx` ON `fact_party_topics`
  (`party_id`, `topic_order`, `topic_id`, `date_start` DESC, `fact_id`, `marking`, `date_end`, `created_at`, `updated_at`,
   `first_topic`, `deleted_at`)
  WHERE `first_topic` = 1 AND `deleted_at` IS NULL;
--> statement-breakpoint
-- A fact inserted with its seq and its links already there (foreign keys deferred). Otherwise the
-- insert trigger of 0006 assigns the seq by an UPDATE, which the next trigger sees.
CREATE TRIGGER `fact_party_topics_fact_insert` AFTER INSERT ON `facts` WHEN new.`seq` IS NOT NULL BEGIN
  INSERT INTO `fact_party_topics` SELECT * FROM `fact_party_topics_joined` WHERE `fact_id` = new.`id`;
END;
--> statement-breakpoint
-- An edit (every edit moves updated_at), a delete or restore (deleted_at), a new seq: the fact's rows again.
CREATE TRIGGER `fact_party_topics_fact_update`
AFTER UPDATE OF `seq`, `deleted_at`, `marking`, `date_start`, `date_end`, `created_at`, `updated_at` ON `facts` BEGIN
  DELETE FROM `fact_party_topics`
    WHERE `party_id` IN (SELECT `party_id` FROM `fact_parties` WHERE `fact_id` = old.`id`) AND `seq` = old.`seq`;
  INSERT INTO `fact_party_topics` SELECT * FROM `fact_party_topics_joined` WHERE `fact_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_party_topics_fact_delete` AFTER DELETE ON `facts` BEGIN
  DELETE FROM `fact_party_topics`
    WHERE `party_id` IN (SELECT `party_id` FROM `fact_parties` WHERE `fact_id` = old.`id`) AND `seq` = old.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_party_topics_party_insert` AFTER INSERT ON `fact_parties` BEGIN
  INSERT INTO `fact_party_topics` SELECT * FROM `fact_party_topics_joined` WHERE `fact_id` = new.`fact_id` AND `party_id` = new.`party_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_party_topics_party_delete` AFTER DELETE ON `fact_parties` BEGIN
  DELETE FROM `fact_party_topics`
    WHERE `party_id` = old.`party_id` AND `seq` = (SELECT `seq` FROM `facts` WHERE `id` = old.`fact_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `fact_party_topics_party_update` AFTER UPDATE ON `fact_parties` BEGIN
  DELETE FROM `fact_party_topics`
    WHERE `party_id` = old.`party_id` AND `seq` = (SELECT `seq` FROM `facts` WHERE `id` = old.`fact_id`);
  INSERT INTO `fact_party_topics` SELECT * FROM `fact_party_topics_joined` WHERE `fact_id` = new.`fact_id` AND `party_id` = new.`party_id`;
END;
--> statement-breakpoint
-- A topic added to or taken from a fact may change which of its topics is first: all its rows again.
CREATE TRIGGER `fact_party_topics_topic_insert` AFTER INSERT ON `fact_topics` BEGIN
  DELETE FROM `fact_party_topics`
    WHERE `party_id` IN (SELECT `party_id` FROM `fact_parties` WHERE `fact_id` = new.`fact_id`)
      AND `seq` = (SELECT `seq` FROM `facts` WHERE `id` = new.`fact_id`);
  INSERT INTO `fact_party_topics` SELECT * FROM `fact_party_topics_joined` WHERE `fact_id` = new.`fact_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_party_topics_topic_delete` AFTER DELETE ON `fact_topics` BEGIN
  DELETE FROM `fact_party_topics`
    WHERE `party_id` IN (SELECT `party_id` FROM `fact_parties` WHERE `fact_id` = old.`fact_id`)
      AND `seq` = (SELECT `seq` FROM `facts` WHERE `id` = old.`fact_id`);
  INSERT INTO `fact_party_topics` SELECT * FROM `fact_party_topics_joined` WHERE `fact_id` = old.`fact_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_party_topics_topic_update` AFTER UPDATE ON `fact_topics` BEGIN
  DELETE FROM `fact_party_topics`
    WHERE `party_id` IN (SELECT `party_id` FROM `fact_parties` WHERE `fact_id` IN (old.`fact_id`, new.`fact_id`))
      AND `seq` IN (SELECT `seq` FROM `facts` WHERE `id` IN (old.`fact_id`, new.`fact_id`));
  INSERT INTO `fact_party_topics` SELECT * FROM `fact_party_topics_joined` WHERE `fact_id` IN (old.`fact_id`, new.`fact_id`);
END;
--> statement-breakpoint
-- Topics are reordered rarely (an import): the rows of the facts in the topic again, found by a
-- scan of the table (no index on fact_id to keep for this).
CREATE TRIGGER `fact_party_topics_topic_order` AFTER UPDATE OF `sort_order` ON `topics` BEGIN
  DELETE FROM `fact_party_topics` WHERE `fact_id` IN (SELECT `fact_id` FROM `fact_topics` WHERE `topic_id` = new.`id`);
  INSERT INTO `fact_party_topics` SELECT * FROM `fact_party_topics_joined`
    WHERE `fact_id` IN (SELECT `fact_id` FROM `fact_topics` WHERE `topic_id` = new.`id`);
END;
