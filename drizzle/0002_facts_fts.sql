-- Full-text search over fact text and quotes (SQLite FTS5). Keyed by fact id rather than an
-- external-content rowid: a table with a TEXT primary key may have its rowids renumbered by
-- VACUUM, which would silently desynchronise an external-content index.
CREATE VIRTUAL TABLE `facts_fts` USING fts5(`fact_id` UNINDEXED, `text`, `quote`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `facts_fts` (`fact_id`, `text`, `quote`) SELECT `id`, `text`, `quote` FROM `facts`;
--> statement-breakpoint
CREATE TRIGGER `facts_fts_after_insert` AFTER INSERT ON `facts` BEGIN
  INSERT INTO `facts_fts` (`fact_id`, `text`, `quote`) VALUES (new.`id`, new.`text`, new.`quote`);
END;
--> statement-breakpoint
CREATE TRIGGER `facts_fts_after_update` AFTER UPDATE OF `text`, `quote` ON `facts` BEGIN
  DELETE FROM `facts_fts` WHERE `fact_id` = old.`id`;
  INSERT INTO `facts_fts` (`fact_id`, `text`, `quote`) VALUES (new.`id`, new.`text`, new.`quote`);
END;
--> statement-breakpoint
CREATE TRIGGER `facts_fts_after_delete` AFTER DELETE ON `facts` BEGIN
  DELETE FROM `facts_fts` WHERE `fact_id` = old.`id`;
END;
