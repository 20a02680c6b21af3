CREATE TABLE `parties` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`iso_code` text,
	`aliases` text DEFAULT '[]' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	CONSTRAINT "parties_name_clean" CHECK("parties"."name" IS NULL OR (instr("parties"."name", char(0)) = 0 AND "parties"."name" NOT GLOB ('*[' || char(8234, 8235, 8236, 8237, 8238, 8294, 8295, 8296, 8297) || ']*')))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parties_name_unique` ON `parties` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `parties_iso_code_unique` ON `parties` (`iso_code`);--> statement-breakpoint
CREATE TABLE `topics` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	CONSTRAINT "topics_name_clean" CHECK("topics"."name" IS NULL OR (instr("topics"."name", char(0)) = 0 AND "topics"."name" NOT GLOB ('*[' || char(8234, 8235, 8236, 8237, 8238, 8294, 8295, 8296, 8297) || ']*')))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `topics_name_unique` ON `topics` (`name`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`publisher` text,
	`publisher_note` text,
	`title` text,
	`dateline` text,
	`published_start` text NOT NULL,
	`published_end` text NOT NULL,
	`published_precision` text NOT NULL,
	`published_inferred` integer DEFAULT false NOT NULL,
	`published_note` text,
	`url` text,
	`file_name` text,
	`added_at` text NOT NULL,
	`full_text` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	CONSTRAINT "sources_published_valid" CHECK(("sources"."published_start" IS NULL AND "sources"."published_end" IS NULL AND "sources"."published_precision" IS NULL) OR (
    date("sources"."published_start") IS "sources"."published_start" AND date("sources"."published_end") IS "sources"."published_end" AND "sources"."published_start" <= "sources"."published_end"
    AND "sources"."published_precision" IN ('day', 'month', 'season', 'year'))),
	CONSTRAINT "sources_title_clean" CHECK("sources"."title" IS NULL OR (instr("sources"."title", char(0)) = 0 AND "sources"."title" NOT GLOB ('*[' || char(8234, 8235, 8236, 8237, 8238, 8294, 8295, 8296, 8297) || ']*'))),
	CONSTRAINT "sources_text_clean" CHECK("sources"."full_text" IS NULL OR (instr("sources"."full_text", char(0)) = 0 AND "sources"."full_text" NOT GLOB ('*[' || char(8234, 8235, 8236, 8237, 8238, 8294, 8295, 8296, 8297) || ']*')))
);
--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`aliases` text DEFAULT '[]' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	CONSTRAINT "people_name_clean" CHECK("people"."name" IS NULL OR (instr("people"."name", char(0)) = 0 AND "people"."name" NOT GLOB ('*[' || char(8234, 8235, 8236, 8237, 8238, 8294, 8295, 8296, 8297) || ']*')))
);
--> statement-breakpoint
CREATE TABLE `person_roles` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`party_id` text NOT NULL,
	`title` text NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`attested_only` integer DEFAULT true NOT NULL,
	`source_id` text,
	`quote` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "person_roles_title_clean" CHECK("person_roles"."title" IS NULL OR (instr("person_roles"."title", char(0)) = 0 AND "person_roles"."title" NOT GLOB ('*[' || char(8234, 8235, 8236, 8237, 8238, 8294, 8295, 8296, 8297) || ']*'))),
	CONSTRAINT "person_roles_dates_valid" CHECK(("person_roles"."valid_from" IS NULL OR date("person_roles"."valid_from") IS "person_roles"."valid_from")
        AND ("person_roles"."valid_to" IS NULL OR date("person_roles"."valid_to") IS "person_roles"."valid_to")
        AND ("person_roles"."valid_from" IS NULL OR "person_roles"."valid_to" IS NULL OR "person_roles"."valid_from" <= "person_roles"."valid_to"))
);
--> statement-breakpoint
CREATE INDEX `person_roles_person_idx` ON `person_roles` (`person_id`);--> statement-breakpoint
CREATE TABLE `meeting_sources` (
	`meeting_id` text NOT NULL,
	`source_id` text NOT NULL,
	`reports` text NOT NULL,
	`quote` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `source_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_sources_source_idx` ON `meeting_sources` (`source_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`series` text,
	`format` text NOT NULL,
	`ordinal` integer,
	`date_start` text,
	`date_end` text,
	`date_precision` text,
	`date_inferred` integer DEFAULT false NOT NULL,
	`date_note` text,
	`place` text,
	`host_party_id` text,
	`mode` text DEFAULT 'unknown' NOT NULL,
	`status` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`host_party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meetings_date_valid" CHECK(("meetings"."date_start" IS NULL AND "meetings"."date_end" IS NULL AND "meetings"."date_precision" IS NULL) OR (
    date("meetings"."date_start") IS "meetings"."date_start" AND date("meetings"."date_end") IS "meetings"."date_end" AND "meetings"."date_start" <= "meetings"."date_end"
    AND "meetings"."date_precision" IN ('day', 'month', 'season', 'year'))),
	CONSTRAINT "meetings_name_clean" CHECK("meetings"."name" IS NULL OR (instr("meetings"."name", char(0)) = 0 AND "meetings"."name" NOT GLOB ('*[' || char(8234, 8235, 8236, 8237, 8238, 8294, 8295, 8296, 8297) || ']*'))),
	CONSTRAINT "meetings_ordinal_positive" CHECK("meetings"."ordinal" IS NULL OR "meetings"."ordinal" > 0)
);
--> statement-breakpoint
CREATE INDEX `meetings_date_idx` ON `meetings` (`date_start`);--> statement-breakpoint
CREATE TABLE `participations` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`person_id` text,
	`party_id` text NOT NULL,
	`title` text NOT NULL,
	`leads_delegation` integer DEFAULT false NOT NULL,
	`source_id` text NOT NULL,
	`quote` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "participations_title_clean" CHECK("participations"."title" IS NULL OR (instr("participations"."title", char(0)) = 0 AND "participations"."title" NOT GLOB ('*[' || char(8234, 8235, 8236, 8237, 8238, 8294, 8295, 8296, 8297) || ']*')))
);
--> statement-breakpoint
CREATE INDEX `participations_meeting_idx` ON `participations` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `participations_person_idx` ON `participations` (`person_id`);--> statement-breakpoint
CREATE TABLE `fact_parties` (
	`fact_id` text NOT NULL,
	`party_id` text NOT NULL,
	PRIMARY KEY(`fact_id`, `party_id`),
	FOREIGN KEY (`fact_id`) REFERENCES `facts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fact_parties_party_idx` ON `fact_parties` (`party_id`,`fact_id`);--> statement-breakpoint
CREATE TABLE `fact_topics` (
	`fact_id` text NOT NULL,
	`topic_id` text NOT NULL,
	PRIMARY KEY(`fact_id`, `topic_id`),
	FOREIGN KEY (`fact_id`) REFERENCES `facts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fact_topics_topic_idx` ON `fact_topics` (`topic_id`,`fact_id`);--> statement-breakpoint
CREATE TABLE `facts` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`date_start` text NOT NULL,
	`date_end` text NOT NULL,
	`date_precision` text NOT NULL,
	`date_inferred` integer DEFAULT false NOT NULL,
	`date_note` text,
	`meeting_id` text,
	`source_id` text NOT NULL,
	`quote` text NOT NULL,
	`metric_key` text,
	`value` real,
	`unit` text,
	`currency` text,
	`period_label` text,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "facts_date_valid" CHECK(("facts"."date_start" IS NULL AND "facts"."date_end" IS NULL AND "facts"."date_precision" IS NULL) OR (
    date("facts"."date_start") IS "facts"."date_start" AND date("facts"."date_end") IS "facts"."date_end" AND "facts"."date_start" <= "facts"."date_end"
    AND "facts"."date_precision" IN ('day', 'month', 'season', 'year'))),
	CONSTRAINT "facts_text_clean" CHECK("facts"."text" IS NULL OR (instr("facts"."text", char(0)) = 0 AND "facts"."text" NOT GLOB ('*[' || char(8234, 8235, 8236, 8237, 8238, 8294, 8295, 8296, 8297) || ']*'))),
	CONSTRAINT "facts_quote_clean" CHECK("facts"."quote" IS NULL OR (instr("facts"."quote", char(0)) = 0 AND "facts"."quote" NOT GLOB ('*[' || char(8234, 8235, 8236, 8237, 8238, 8294, 8295, 8296, 8297) || ']*'))),
	CONSTRAINT "facts_text_present" CHECK(length(trim("facts"."text")) > 0 AND length(trim("facts"."quote")) > 0),
	CONSTRAINT "facts_figure_complete" CHECK(("facts"."kind" = 'figure') = ("facts"."metric_key" IS NOT NULL AND "facts"."value" IS NOT NULL AND "facts"."unit" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `facts_date_idx` ON `facts` (`date_start`);--> statement-breakpoint
CREATE INDEX `facts_source_idx` ON `facts` (`source_id`);--> statement-breakpoint
CREATE INDEX `facts_meeting_idx` ON `facts` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `facts_metric_idx` ON `facts` (`metric_key`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text DEFAULT 'staff' NOT NULL,
	`password_hash` text NOT NULL,
	`session_version` integer DEFAULT 1 NOT NULL,
	`disabled_at` text,
	`demo_password` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	CONSTRAINT "users_name_clean" CHECK("users"."name" IS NULL OR (instr("users"."name", char(0)) = 0 AND "users"."name" NOT GLOB ('*[' || char(8234, 8235, 8236, 8237, 8238, 8294, 8295, 8296, 8297) || ']*')))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `briefing_items` (
	`briefing_id` text NOT NULL,
	`fact_id` text NOT NULL,
	`topic_id` text NOT NULL,
	`position` integer NOT NULL,
	`included` integer DEFAULT true NOT NULL,
	`note` text,
	PRIMARY KEY(`briefing_id`, `fact_id`),
	FOREIGN KEY (`briefing_id`) REFERENCES `briefings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`fact_id`) REFERENCES `facts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `briefing_sections` (
	`briefing_id` text NOT NULL,
	`topic_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`briefing_id`, `topic_id`),
	FOREIGN KEY (`briefing_id`) REFERENCES `briefings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `briefings` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`country_id` text NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`previous_id` text,
	`content` text DEFAULT '{}' NOT NULL,
	`snapshot` text,
	`finalised_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`country_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `briefings_owner_idx` ON `briefings` (`owner_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`actor_email` text,
	`ip` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`before` text,
	`after` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);