CREATE TABLE `recovery_codes` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`used_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recovery_codes_user_idx` ON `recovery_codes` (`user_id`);--> statement-breakpoint
CREATE TABLE `second_factor_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `second_factor_failures_user_at_idx` ON `second_factor_failures` (`user_id`,`at`);--> statement-breakpoint
CREATE TABLE `user_second_factors` (
	`user_id` text PRIMARY KEY NOT NULL,
	`secret_encrypted` text NOT NULL,
	`enabled_at` text,
	`last_used_step` integer,
	`failed_codes_unseen` integer DEFAULT 0 NOT NULL,
	`failed_code_last_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "user_second_factors_secret_shape" CHECK("user_second_factors"."secret_encrypted" LIKE 'v1.%'),
	CONSTRAINT "user_second_factors_failed_non_negative" CHECK("user_second_factors"."failed_codes_unseen" >= 0)
);
