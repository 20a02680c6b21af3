-- Insertion order for clearance requests and briefing comments (issue 17): the tie-break of two
-- rows within one millisecond (a briefing's latest request, a thread's order, the inbox), which
-- was SQLite's rowid — absent on PostgreSQL, and renumbered by VACUUM on a table without an
-- INTEGER PRIMARY KEY. Written by hand, as 0010 was: drizzle-kit generated the ALTERs and the
-- unique indexes (drizzle/meta/0013_snapshot.json records them); the backfill and the triggers
-- are not in the schema. Existing rows take their rowid, so their order holds; a new row takes
-- the highest seq + 1 after its insert, as facts.seq does (0004). (0012 is another branch's.)
ALTER TABLE `briefing_comments` ADD `seq` integer;--> statement-breakpoint
UPDATE `briefing_comments` SET `seq` = `rowid`;--> statement-breakpoint
CREATE UNIQUE INDEX `briefing_comments_seq_unique` ON `briefing_comments` (`seq`);--> statement-breakpoint
CREATE TRIGGER `briefing_comments_after_insert` AFTER INSERT ON `briefing_comments` BEGIN
  UPDATE `briefing_comments` SET `seq` = (SELECT coalesce(max(`seq`), 0) + 1 FROM `briefing_comments`)
  WHERE `id` = new.`id` AND `seq` IS NULL;
END;--> statement-breakpoint
ALTER TABLE `clearance_requests` ADD `seq` integer;--> statement-breakpoint
UPDATE `clearance_requests` SET `seq` = `rowid`;--> statement-breakpoint
CREATE UNIQUE INDEX `clearance_requests_seq_unique` ON `clearance_requests` (`seq`);--> statement-breakpoint
CREATE TRIGGER `clearance_requests_after_insert` AFTER INSERT ON `clearance_requests` BEGIN
  UPDATE `clearance_requests` SET `seq` = (SELECT coalesce(max(`seq`), 0) + 1 FROM `clearance_requests`)
  WHERE `id` = new.`id` AND `seq` IS NULL;
END;
