CREATE TABLE `briefing_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`briefing_id` text NOT NULL,
	`revision` integer NOT NULL,
	`author_id` text NOT NULL,
	`topic_id` text,
	`fact_id` text,
	`parent_id` text,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by` text,
	FOREIGN KEY (`briefing_id`) REFERENCES `briefings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`fact_id`) REFERENCES `facts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `briefing_comments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "briefing_comments_body_clean" CHECK("briefing_comments"."body" IS NULL OR (instr("briefing_comments"."body", char(0)) = 0 AND "briefing_comments"."body" NOT GLOB ('*[' || char(8234, 8235, 8236, 8237, 8238, 8294, 8295, 8296, 8297) || ']*'))),
	CONSTRAINT "briefing_comments_body_length" CHECK(length(trim("briefing_comments"."body")) > 0 AND length("briefing_comments"."body") <= 4000),
	CONSTRAINT "briefing_comments_fact_in_section" CHECK("briefing_comments"."fact_id" IS NULL OR "briefing_comments"."topic_id" IS NOT NULL),
	CONSTRAINT "briefing_comments_resolved_by_whom" CHECK(("briefing_comments"."resolved_at" IS NULL) = ("briefing_comments"."resolved_by" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `briefing_comments_briefing_idx` ON `briefing_comments` (`briefing_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `briefing_comments_created_idx` ON `briefing_comments` (`created_at`);--> statement-breakpoint
CREATE TABLE `briefing_shares` (
	`briefing_id` text NOT NULL,
	`user_id` text NOT NULL,
	`access` text NOT NULL,
	`shared_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`briefing_id`, `user_id`),
	FOREIGN KEY (`briefing_id`) REFERENCES `briefings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "briefing_shares_access_known" CHECK("briefing_shares"."access" IN ('view', 'edit'))
);
--> statement-breakpoint
CREATE INDEX `briefing_shares_user_idx` ON `briefing_shares` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `clearance_request_clearers` (
	`request_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`request_id`, `user_id`),
	FOREIGN KEY (`request_id`) REFERENCES `clearance_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `clearance_request_clearers_user_idx` ON `clearance_request_clearers` (`user_id`,`request_id`);--> statement-breakpoint
CREATE TABLE `clearance_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`briefing_id` text NOT NULL,
	`submitted_by` text NOT NULL,
	`note` text,
	`submitted_at` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`decision_comment` text,
	`briefing_version` integer NOT NULL,
	`document_hash` text,
	FOREIGN KEY (`briefing_id`) REFERENCES `briefings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "clearance_requests_status_known" CHECK("clearance_requests"."status" IN ('pending', 'approved', 'returned', 'withdrawn')),
	CONSTRAINT "clearance_requests_note_clean" CHECK("clearance_requests"."note" IS NULL OR (instr("clearance_requests"."note", char(0)) = 0 AND "clearance_requests"."note" NOT GLOB ('*[' || char(8234, 8235, 8236, 8237, 8238, 8294, 8295, 8296, 8297) || ']*'))),
	CONSTRAINT "clearance_requests_comment_clean" CHECK("clearance_requests"."decision_comment" IS NULL OR (instr("clearance_requests"."decision_comment", char(0)) = 0 AND "clearance_requests"."decision_comment" NOT GLOB ('*[' || char(8234, 8235, 8236, 8237, 8238, 8294, 8295, 8296, 8297) || ']*'))),
	CONSTRAINT "clearance_requests_decided" CHECK(("clearance_requests"."status" = 'pending') = ("clearance_requests"."decided_at" IS NULL) AND ("clearance_requests"."decided_at" IS NULL) = ("clearance_requests"."decided_by" IS NULL)),
	CONSTRAINT "clearance_requests_approved_hash" CHECK("clearance_requests"."status" <> 'approved' OR "clearance_requests"."document_hash" IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX `clearance_requests_briefing_idx` ON `clearance_requests` (`briefing_id`,`submitted_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `clearer` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `inbox_seen_at` text;