-- Rebuilds the full-text index keyed by facts.seq (a stable integer, unlike a rowid that
-- VACUUM may renumber), with a `parties` column of one token per party the fact is about
-- ('p' + hex of the party id). A country's facts containing some words are then one FTS5
-- query that intersects doclists inside the index, instead of a join over every match.
DROP TRIGGER IF EXISTS `facts_fts_after_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `facts_fts_after_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `facts_fts_after_delete`;
--> statement-breakpoint
DROP TABLE IF EXISTS `facts_fts`;
--> statement-breakpoint
UPDATE `facts` SET `seq` = `rowid` WHERE `seq` IS NULL;
--> statement-breakpoint
CREATE VIRTUAL TABLE `facts_fts` USING fts5(`text`, `quote`, `parties`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `facts_fts` (`rowid`, `text`, `quote`, `parties`)
  SELECT f.`seq`, f.`text`, f.`quote`, coalesce((SELECT group_concat('p' || hex(fp.`party_id`), ' ') FROM `fact_parties` fp WHERE fp.`fact_id` = f.`id`), '')
  FROM `facts` f;
--> statement-breakpoint
CREATE TRIGGER `facts_after_insert` AFTER INSERT ON `facts` BEGIN
  UPDATE `facts` SET `seq` = (SELECT coalesce(max(`seq`), 0) + 1 FROM `facts`) WHERE `id` = new.`id` AND `seq` IS NULL;
  INSERT INTO `facts_fts` (`rowid`, `text`, `quote`, `parties`)
    SELECT f.`seq`, f.`text`, f.`quote`, coalesce((SELECT group_concat('p' || hex(fp.`party_id`), ' ') FROM `fact_parties` fp WHERE fp.`fact_id` = f.`id`), '')
    FROM `facts` f WHERE f.`id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `facts_after_text_update` AFTER UPDATE OF `text`, `quote` ON `facts` BEGIN
  DELETE FROM `facts_fts` WHERE `rowid` = old.`seq`;
  INSERT INTO `facts_fts` (`rowid`, `text`, `quote`, `parties`)
    SELECT f.`seq`, f.`text`, f.`quote`, coalesce((SELECT group_concat('p' || hex(fp.`party_id`), ' ') FROM `fact_parties` fp WHERE fp.`fact_id` = f.`id`), '')
    FROM `facts` f WHERE f.`id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `facts_after_delete` AFTER DELETE ON `facts` BEGIN
  DELETE FROM `facts_fts` WHERE `rowid` = old.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_parties_after_insert` AFTER INSERT ON `fact_parties` BEGIN
  DELETE FROM `facts_fts` WHERE `rowid` = (SELECT `seq` FROM `facts` WHERE `id` = new.`fact_id`);
  INSERT INTO `facts_fts` (`rowid`, `text`, `quote`, `parties`)
    SELECT f.`seq`, f.`text`, f.`quote`, coalesce((SELECT group_concat('p' || hex(fp.`party_id`), ' ') FROM `fact_parties` fp WHERE fp.`fact_id` = f.`id`), '')
    FROM `facts` f WHERE f.`id` = new.`fact_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_parties_after_delete` AFTER DELETE ON `fact_parties` BEGIN
  DELETE FROM `facts_fts` WHERE `rowid` = (SELECT `seq` FROM `facts` WHERE `id` = old.`fact_id`);
  INSERT INTO `facts_fts` (`rowid`, `text`, `quote`, `parties`)
    SELECT f.`seq`, f.`text`, f.`quote`, coalesce((SELECT group_concat('p' || hex(fp.`party_id`), ' ') FROM `fact_parties` fp WHERE fp.`fact_id` = f.`id`), '')
    FROM `facts` f WHERE f.`id` = old.`fact_id`;
END;
