ALTER TABLE `facts` ADD `seq` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `facts_seq_unique` ON `facts` (`seq`);