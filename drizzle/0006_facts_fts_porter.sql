-- Search that finds: rebuilds `facts_fts` with the Porter stemmer over unicode61 (so
-- "ventilator" finds "ventilators"; case and diacritics still fold, Cyrillic included: the
-- stemmer leaves non-English words as unicode61 folds them), and adds `facts_words`, the
-- unstemmed words of every fact, whose vocabulary completes the last word a user typed
-- ("cooperat" → cooperation, cooperative). A prefix query on the stemmed index cannot do
-- that: "cooperation" is indexed as "cooper", which "cooperat*" does not match.
-- `facts_words` stores no text and no positions (contentless, detail=none): only its terms
-- are read, through `facts_words_vocab`. Both are keyed by facts.seq, as in 0004.
DROP TRIGGER IF EXISTS `facts_after_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `facts_after_text_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `facts_after_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_parties_after_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_parties_after_delete`;
--> statement-breakpoint
DROP TABLE IF EXISTS `facts_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `facts_fts` USING fts5(`text`, `quote`, `parties`, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `facts_fts` (`rowid`, `text`, `quote`, `parties`)
  SELECT f.`seq`, f.`text`, f.`quote`, coalesce((SELECT group_concat('p' || hex(fp.`party_id`), ' ') FROM `fact_parties` fp WHERE fp.`fact_id` = f.`id`), '')
  FROM `facts` f;
--> statement-breakpoint
CREATE VIRTUAL TABLE `facts_words` USING fts5(`text`, `quote`, content = '', contentless_delete = 1, detail = none, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `facts_words_vocab` USING fts5vocab(`facts_words`, 'row');
--> statement-breakpoint
INSERT INTO `facts_words` (`rowid`, `text`, `quote`) SELECT `seq`, `text`, `quote` FROM `facts`;
--> statement-breakpoint
CREATE TRIGGER `facts_after_insert` AFTER INSERT ON `facts` BEGIN
  UPDATE `facts` SET `seq` = (SELECT coalesce(max(`seq`), 0) + 1 FROM `facts`) WHERE `id` = new.`id` AND `seq` IS NULL;
  INSERT INTO `facts_fts` (`rowid`, `text`, `quote`, `parties`)
    SELECT f.`seq`, f.`text`, f.`quote`, coalesce((SELECT group_concat('p' || hex(fp.`party_id`), ' ') FROM `fact_parties` fp WHERE fp.`fact_id` = f.`id`), '')
    FROM `facts` f WHERE f.`id` = new.`id`;
  INSERT INTO `facts_words` (`rowid`, `text`, `quote`) SELECT `seq`, `text`, `quote` FROM `facts` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `facts_after_text_update` AFTER UPDATE OF `text`, `quote` ON `facts` BEGIN
  DELETE FROM `facts_fts` WHERE `rowid` = old.`seq`;
  INSERT INTO `facts_fts` (`rowid`, `text`, `quote`, `parties`)
    SELECT f.`seq`, f.`text`, f.`quote`, coalesce((SELECT group_concat('p' || hex(fp.`party_id`), ' ') FROM `fact_parties` fp WHERE fp.`fact_id` = f.`id`), '')
    FROM `facts` f WHERE f.`id` = new.`id`;
  DELETE FROM `facts_words` WHERE `rowid` = old.`seq`;
  INSERT INTO `facts_words` (`rowid`, `text`, `quote`) VALUES (new.`seq`, new.`text`, new.`quote`);
END;
--> statement-breakpoint
CREATE TRIGGER `facts_after_delete` AFTER DELETE ON `facts` BEGIN
  DELETE FROM `facts_fts` WHERE `rowid` = old.`seq`;
  DELETE FROM `facts_words` WHERE `rowid` = old.`seq`;
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
