CREATE TABLE "parties" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"iso_code" text,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"deleted_at" text,
	CONSTRAINT "parties_name_unique" UNIQUE("name"),
	CONSTRAINT "parties_iso_code_unique" UNIQUE("iso_code"),
	CONSTRAINT "parties_name_clean" CHECK ("parties"."name" IS NULL OR "parties"."name" !~ '[\u202A-\u202E\u2066-\u2069]')
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"deleted_at" text,
	CONSTRAINT "topics_name_unique" UNIQUE("name"),
	CONSTRAINT "topics_name_clean" CHECK ("topics"."name" IS NULL OR "topics"."name" !~ '[\u202A-\u202E\u2066-\u2069]')
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"publisher" text,
	"publisher_note" text,
	"title" text,
	"dateline" text,
	"published_start" text NOT NULL,
	"published_end" text NOT NULL,
	"published_precision" text NOT NULL,
	"published_inferred" boolean DEFAULT false NOT NULL,
	"published_note" text,
	"url" text,
	"file_name" text,
	"added_at" text NOT NULL,
	"full_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"deleted_at" text,
	CONSTRAINT "sources_published_valid" CHECK (("sources"."published_start" IS NULL AND "sources"."published_end" IS NULL AND "sources"."published_precision" IS NULL) OR (
    CASE WHEN "sources"."published_start" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' THEN
    substr("sources"."published_start", 9, 2)::int <= CASE WHEN substr("sources"."published_start", 6, 2) IN ('04', '06', '09', '11') THEN 30 WHEN substr("sources"."published_start", 6, 2) <> '02' THEN 31
      WHEN substr("sources"."published_start", 1, 4)::int % 4 = 0 AND (substr("sources"."published_start", 1, 4)::int % 100 <> 0 OR substr("sources"."published_start", 1, 4)::int % 400 = 0) THEN 29 ELSE 28 END
    ELSE false END AND CASE WHEN "sources"."published_end" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' THEN
    substr("sources"."published_end", 9, 2)::int <= CASE WHEN substr("sources"."published_end", 6, 2) IN ('04', '06', '09', '11') THEN 30 WHEN substr("sources"."published_end", 6, 2) <> '02' THEN 31
      WHEN substr("sources"."published_end", 1, 4)::int % 4 = 0 AND (substr("sources"."published_end", 1, 4)::int % 100 <> 0 OR substr("sources"."published_end", 1, 4)::int % 400 = 0) THEN 29 ELSE 28 END
    ELSE false END AND "sources"."published_start" <= "sources"."published_end"
    AND "sources"."published_precision" IN ('day', 'month', 'season', 'year'))),
	CONSTRAINT "sources_title_clean" CHECK ("sources"."title" IS NULL OR "sources"."title" !~ '[\u202A-\u202E\u2066-\u2069]'),
	CONSTRAINT "sources_text_clean" CHECK ("sources"."full_text" IS NULL OR "sources"."full_text" !~ '[\u202A-\u202E\u2066-\u2069]')
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"deleted_at" text,
	CONSTRAINT "people_name_clean" CHECK ("people"."name" IS NULL OR "people"."name" !~ '[\u202A-\u202E\u2066-\u2069]')
);
--> statement-breakpoint
CREATE TABLE "person_roles" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"party_id" text NOT NULL,
	"title" text NOT NULL,
	"valid_from" text,
	"valid_to" text,
	"valid_from_precision" text DEFAULT 'day' NOT NULL,
	"valid_to_precision" text DEFAULT 'day' NOT NULL,
	"attested_only" boolean DEFAULT true NOT NULL,
	"source_id" text,
	"quote" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"deleted_at" text,
	CONSTRAINT "person_roles_title_clean" CHECK ("person_roles"."title" IS NULL OR "person_roles"."title" !~ '[\u202A-\u202E\u2066-\u2069]'),
	CONSTRAINT "person_roles_dates_valid" CHECK (("person_roles"."valid_from" IS NULL OR CASE WHEN "person_roles"."valid_from" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' THEN
    substr("person_roles"."valid_from", 9, 2)::int <= CASE WHEN substr("person_roles"."valid_from", 6, 2) IN ('04', '06', '09', '11') THEN 30 WHEN substr("person_roles"."valid_from", 6, 2) <> '02' THEN 31
      WHEN substr("person_roles"."valid_from", 1, 4)::int % 4 = 0 AND (substr("person_roles"."valid_from", 1, 4)::int % 100 <> 0 OR substr("person_roles"."valid_from", 1, 4)::int % 400 = 0) THEN 29 ELSE 28 END
    ELSE false END)
        AND ("person_roles"."valid_to" IS NULL OR CASE WHEN "person_roles"."valid_to" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' THEN
    substr("person_roles"."valid_to", 9, 2)::int <= CASE WHEN substr("person_roles"."valid_to", 6, 2) IN ('04', '06', '09', '11') THEN 30 WHEN substr("person_roles"."valid_to", 6, 2) <> '02' THEN 31
      WHEN substr("person_roles"."valid_to", 1, 4)::int % 4 = 0 AND (substr("person_roles"."valid_to", 1, 4)::int % 100 <> 0 OR substr("person_roles"."valid_to", 1, 4)::int % 400 = 0) THEN 29 ELSE 28 END
    ELSE false END)
        AND ("person_roles"."valid_from" IS NULL OR "person_roles"."valid_to" IS NULL OR "person_roles"."valid_from" <= "person_roles"."valid_to"))
);
--> statement-breakpoint
CREATE TABLE "meeting_sources" (
	"meeting_id" text NOT NULL,
	"source_id" text NOT NULL,
	"reports" text NOT NULL,
	"quote" text NOT NULL,
	CONSTRAINT "meeting_sources_meeting_id_source_id_pk" PRIMARY KEY("meeting_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"series" text,
	"format" text NOT NULL,
	"ordinal" integer,
	"date_start" text,
	"date_end" text,
	"date_precision" text,
	"date_inferred" boolean DEFAULT false NOT NULL,
	"date_note" text,
	"place" text,
	"host_party_id" text,
	"mode" text DEFAULT 'unknown' NOT NULL,
	"status" text NOT NULL,
	"expected_party_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"deleted_at" text,
	CONSTRAINT "meetings_date_valid" CHECK (("meetings"."date_start" IS NULL AND "meetings"."date_end" IS NULL AND "meetings"."date_precision" IS NULL) OR (
    CASE WHEN "meetings"."date_start" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' THEN
    substr("meetings"."date_start", 9, 2)::int <= CASE WHEN substr("meetings"."date_start", 6, 2) IN ('04', '06', '09', '11') THEN 30 WHEN substr("meetings"."date_start", 6, 2) <> '02' THEN 31
      WHEN substr("meetings"."date_start", 1, 4)::int % 4 = 0 AND (substr("meetings"."date_start", 1, 4)::int % 100 <> 0 OR substr("meetings"."date_start", 1, 4)::int % 400 = 0) THEN 29 ELSE 28 END
    ELSE false END AND CASE WHEN "meetings"."date_end" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' THEN
    substr("meetings"."date_end", 9, 2)::int <= CASE WHEN substr("meetings"."date_end", 6, 2) IN ('04', '06', '09', '11') THEN 30 WHEN substr("meetings"."date_end", 6, 2) <> '02' THEN 31
      WHEN substr("meetings"."date_end", 1, 4)::int % 4 = 0 AND (substr("meetings"."date_end", 1, 4)::int % 100 <> 0 OR substr("meetings"."date_end", 1, 4)::int % 400 = 0) THEN 29 ELSE 28 END
    ELSE false END AND "meetings"."date_start" <= "meetings"."date_end"
    AND "meetings"."date_precision" IN ('day', 'month', 'season', 'year'))),
	CONSTRAINT "meetings_name_clean" CHECK ("meetings"."name" IS NULL OR "meetings"."name" !~ '[\u202A-\u202E\u2066-\u2069]'),
	CONSTRAINT "meetings_ordinal_positive" CHECK ("meetings"."ordinal" IS NULL OR "meetings"."ordinal" > 0)
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"person_id" text,
	"party_id" text NOT NULL,
	"title" text NOT NULL,
	"leads_delegation" boolean DEFAULT false NOT NULL,
	"source_id" text NOT NULL,
	"quote" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"deleted_at" text,
	CONSTRAINT "participations_title_clean" CHECK ("participations"."title" IS NULL OR "participations"."title" !~ '[\u202A-\u202E\u2066-\u2069]')
);
--> statement-breakpoint
CREATE TABLE "fact_parties" (
	"fact_id" text NOT NULL,
	"party_id" text NOT NULL,
	CONSTRAINT "fact_parties_fact_id_party_id_pk" PRIMARY KEY("fact_id","party_id")
);
--> statement-breakpoint
CREATE TABLE "fact_topics" (
	"fact_id" text NOT NULL,
	"topic_id" text NOT NULL,
	CONSTRAINT "fact_topics_fact_id_topic_id_pk" PRIMARY KEY("fact_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "facts" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" integer GENERATED BY DEFAULT AS IDENTITY (sequence name "facts_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"date_start" text NOT NULL,
	"date_end" text NOT NULL,
	"date_precision" text NOT NULL,
	"date_inferred" boolean DEFAULT false NOT NULL,
	"date_note" text,
	"meeting_id" text,
	"source_id" text NOT NULL,
	"quote" text NOT NULL,
	"metric_key" text,
	"value" double precision,
	"unit" text,
	"currency" text,
	"period_label" text,
	"approximate" boolean DEFAULT false NOT NULL,
	"rank" text DEFAULT 'normal' NOT NULL,
	"handling" text DEFAULT 'internal' NOT NULL,
	"marking" text DEFAULT 'OFFICIAL' NOT NULL,
	"created_by" text,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"deleted_at" text,
	CONSTRAINT "facts_seq_unique" UNIQUE("seq"),
	CONSTRAINT "facts_date_valid" CHECK (("facts"."date_start" IS NULL AND "facts"."date_end" IS NULL AND "facts"."date_precision" IS NULL) OR (
    CASE WHEN "facts"."date_start" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' THEN
    substr("facts"."date_start", 9, 2)::int <= CASE WHEN substr("facts"."date_start", 6, 2) IN ('04', '06', '09', '11') THEN 30 WHEN substr("facts"."date_start", 6, 2) <> '02' THEN 31
      WHEN substr("facts"."date_start", 1, 4)::int % 4 = 0 AND (substr("facts"."date_start", 1, 4)::int % 100 <> 0 OR substr("facts"."date_start", 1, 4)::int % 400 = 0) THEN 29 ELSE 28 END
    ELSE false END AND CASE WHEN "facts"."date_end" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' THEN
    substr("facts"."date_end", 9, 2)::int <= CASE WHEN substr("facts"."date_end", 6, 2) IN ('04', '06', '09', '11') THEN 30 WHEN substr("facts"."date_end", 6, 2) <> '02' THEN 31
      WHEN substr("facts"."date_end", 1, 4)::int % 4 = 0 AND (substr("facts"."date_end", 1, 4)::int % 100 <> 0 OR substr("facts"."date_end", 1, 4)::int % 400 = 0) THEN 29 ELSE 28 END
    ELSE false END AND "facts"."date_start" <= "facts"."date_end"
    AND "facts"."date_precision" IN ('day', 'month', 'season', 'year'))),
	CONSTRAINT "facts_text_clean" CHECK ("facts"."text" IS NULL OR "facts"."text" !~ '[\u202A-\u202E\u2066-\u2069]'),
	CONSTRAINT "facts_quote_clean" CHECK ("facts"."quote" IS NULL OR "facts"."quote" !~ '[\u202A-\u202E\u2066-\u2069]'),
	CONSTRAINT "facts_text_present" CHECK (length(trim("facts"."text")) > 0 AND length(trim("facts"."quote")) > 0),
	CONSTRAINT "facts_figure_complete" CHECK (("facts"."kind" = 'figure') = ("facts"."metric_key" IS NOT NULL AND "facts"."value" IS NOT NULL AND "facts"."unit" IS NOT NULL)),
	CONSTRAINT "facts_handling_known" CHECK ("facts"."handling" IN ('releasable', 'internal', 'not-for-disclosure')),
	CONSTRAINT "facts_marking_known" CHECK ("facts"."marking" IN ('OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET')),
	CONSTRAINT "facts_releasable_not_secret" CHECK (NOT ("facts"."handling" = 'releasable' AND "facts"."marking" = 'SECRET'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT 'staff' NOT NULL,
	"clearer" boolean DEFAULT false NOT NULL,
	"clearance_level" text DEFAULT 'OFFICIAL' NOT NULL,
	"password_hash" text NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"disabled_at" text,
	"demo_password" boolean DEFAULT false NOT NULL,
	"inbox_seen_at" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"deleted_at" text,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_name_clean" CHECK ("users"."name" IS NULL OR "users"."name" !~ '[\u202A-\u202E\u2066-\u2069]'),
	CONSTRAINT "users_clearance_level_known" CHECK ("users"."clearance_level" IN ('OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET'))
);
--> statement-breakpoint
CREATE TABLE "briefing_items" (
	"briefing_id" text NOT NULL,
	"fact_id" text NOT NULL,
	"topic_id" text NOT NULL,
	"position" integer NOT NULL,
	"included" boolean DEFAULT true NOT NULL,
	"note" text,
	CONSTRAINT "briefing_items_briefing_id_fact_id_pk" PRIMARY KEY("briefing_id","fact_id")
);
--> statement-breakpoint
CREATE TABLE "briefing_sections" (
	"briefing_id" text NOT NULL,
	"topic_id" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "briefing_sections_briefing_id_topic_id_pk" PRIMARY KEY("briefing_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "briefings" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"country_id" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"previous_id" text,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"snapshot" jsonb,
	"finalised_at" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"at" text NOT NULL,
	"actor_id" text,
	"actor_email" text,
	"ip" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "login_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trusted_devices" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"account" text NOT NULL,
	"created_at" bigint NOT NULL,
	"last_used_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "briefing_comments" (
	"id" text PRIMARY KEY NOT NULL,
	"briefing_id" text NOT NULL,
	"revision" integer NOT NULL,
	"author_id" text NOT NULL,
	"topic_id" text,
	"fact_id" text,
	"parent_id" text,
	"body" text NOT NULL,
	"created_at" text NOT NULL,
	"resolved_at" text,
	"resolved_by" text,
	CONSTRAINT "briefing_comments_body_clean" CHECK ("briefing_comments"."body" IS NULL OR "briefing_comments"."body" !~ '[\u202A-\u202E\u2066-\u2069]'),
	CONSTRAINT "briefing_comments_body_length" CHECK (length(trim("briefing_comments"."body")) > 0 AND length("briefing_comments"."body") <= 4000),
	CONSTRAINT "briefing_comments_fact_in_section" CHECK ("briefing_comments"."fact_id" IS NULL OR "briefing_comments"."topic_id" IS NOT NULL),
	CONSTRAINT "briefing_comments_resolved_by_whom" CHECK (("briefing_comments"."resolved_at" IS NULL) = ("briefing_comments"."resolved_by" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "briefing_shares" (
	"briefing_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access" text NOT NULL,
	"shared_by" text NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	CONSTRAINT "briefing_shares_briefing_id_user_id_pk" PRIMARY KEY("briefing_id","user_id"),
	CONSTRAINT "briefing_shares_access_known" CHECK ("briefing_shares"."access" IN ('view', 'edit'))
);
--> statement-breakpoint
CREATE TABLE "clearance_request_clearers" (
	"request_id" text NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "clearance_request_clearers_request_id_user_id_pk" PRIMARY KEY("request_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "clearance_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"briefing_id" text NOT NULL,
	"submitted_by" text NOT NULL,
	"note" text,
	"submitted_at" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" text,
	"decided_at" text,
	"decision_comment" text,
	"briefing_version" integer NOT NULL,
	"document_hash" text,
	CONSTRAINT "clearance_requests_status_known" CHECK ("clearance_requests"."status" IN ('pending', 'approved', 'returned', 'withdrawn')),
	CONSTRAINT "clearance_requests_note_clean" CHECK ("clearance_requests"."note" IS NULL OR "clearance_requests"."note" !~ '[\u202A-\u202E\u2066-\u2069]'),
	CONSTRAINT "clearance_requests_comment_clean" CHECK ("clearance_requests"."decision_comment" IS NULL OR "clearance_requests"."decision_comment" !~ '[\u202A-\u202E\u2066-\u2069]'),
	CONSTRAINT "clearance_requests_decided" CHECK (("clearance_requests"."status" = 'pending') = ("clearance_requests"."decided_at" IS NULL) AND ("clearance_requests"."decided_at" IS NULL) = ("clearance_requests"."decided_by" IS NULL)),
	CONSTRAINT "clearance_requests_approved_hash" CHECK ("clearance_requests"."status" <> 'approved' OR "clearance_requests"."document_hash" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"used_at" text,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "second_factor_failures" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "second_factor_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_second_factors" (
	"user_id" text PRIMARY KEY NOT NULL,
	"secret_encrypted" text NOT NULL,
	"enabled_at" text,
	"last_used_step" integer,
	"failed_codes_unseen" integer DEFAULT 0 NOT NULL,
	"failed_code_last_at" text,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	CONSTRAINT "user_second_factors_secret_shape" CHECK ("user_second_factors"."secret_encrypted" LIKE 'v1.%'),
	CONSTRAINT "user_second_factors_failed_non_negative" CHECK ("user_second_factors"."failed_codes_unseen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "person_roles" ADD CONSTRAINT "person_roles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_roles" ADD CONSTRAINT "person_roles_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_roles" ADD CONSTRAINT "person_roles_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_sources" ADD CONSTRAINT "meeting_sources_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_sources" ADD CONSTRAINT "meeting_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_host_party_id_parties_id_fk" FOREIGN KEY ("host_party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_parties" ADD CONSTRAINT "fact_parties_fact_id_facts_id_fk" FOREIGN KEY ("fact_id") REFERENCES "public"."facts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_parties" ADD CONSTRAINT "fact_parties_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_topics" ADD CONSTRAINT "fact_topics_fact_id_facts_id_fk" FOREIGN KEY ("fact_id") REFERENCES "public"."facts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_topics" ADD CONSTRAINT "fact_topics_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_items" ADD CONSTRAINT "briefing_items_briefing_id_briefings_id_fk" FOREIGN KEY ("briefing_id") REFERENCES "public"."briefings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_items" ADD CONSTRAINT "briefing_items_fact_id_facts_id_fk" FOREIGN KEY ("fact_id") REFERENCES "public"."facts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_items" ADD CONSTRAINT "briefing_items_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_sections" ADD CONSTRAINT "briefing_sections_briefing_id_briefings_id_fk" FOREIGN KEY ("briefing_id") REFERENCES "public"."briefings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_sections" ADD CONSTRAINT "briefing_sections_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefings" ADD CONSTRAINT "briefings_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefings" ADD CONSTRAINT "briefings_country_id_parties_id_fk" FOREIGN KEY ("country_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_comments" ADD CONSTRAINT "briefing_comments_briefing_id_briefings_id_fk" FOREIGN KEY ("briefing_id") REFERENCES "public"."briefings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_comments" ADD CONSTRAINT "briefing_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_comments" ADD CONSTRAINT "briefing_comments_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_comments" ADD CONSTRAINT "briefing_comments_fact_id_facts_id_fk" FOREIGN KEY ("fact_id") REFERENCES "public"."facts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_comments" ADD CONSTRAINT "briefing_comments_parent_id_briefing_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."briefing_comments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_comments" ADD CONSTRAINT "briefing_comments_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_shares" ADD CONSTRAINT "briefing_shares_briefing_id_briefings_id_fk" FOREIGN KEY ("briefing_id") REFERENCES "public"."briefings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_shares" ADD CONSTRAINT "briefing_shares_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_shares" ADD CONSTRAINT "briefing_shares_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clearance_request_clearers" ADD CONSTRAINT "clearance_request_clearers_request_id_clearance_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."clearance_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clearance_request_clearers" ADD CONSTRAINT "clearance_request_clearers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clearance_requests" ADD CONSTRAINT "clearance_requests_briefing_id_briefings_id_fk" FOREIGN KEY ("briefing_id") REFERENCES "public"."briefings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clearance_requests" ADD CONSTRAINT "clearance_requests_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clearance_requests" ADD CONSTRAINT "clearance_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_second_factors" ADD CONSTRAINT "user_second_factors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_roles_person_idx" ON "person_roles" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "meeting_sources_source_idx" ON "meeting_sources" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "meetings_date_idx" ON "meetings" USING btree ("date_start");--> statement-breakpoint
CREATE INDEX "participations_meeting_idx" ON "participations" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "participations_person_idx" ON "participations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "fact_parties_party_idx" ON "fact_parties" USING btree ("party_id","fact_id");--> statement-breakpoint
CREATE INDEX "fact_topics_topic_idx" ON "fact_topics" USING btree ("topic_id","fact_id");--> statement-breakpoint
CREATE INDEX "facts_date_idx" ON "facts" USING btree ("date_start");--> statement-breakpoint
CREATE INDEX "facts_source_idx" ON "facts" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "facts_meeting_idx" ON "facts" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "facts_metric_idx" ON "facts" USING btree ("metric_key");--> statement-breakpoint
CREATE INDEX "briefings_owner_idx" ON "briefings" USING btree ("owner_id","updated_at");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "login_failures_key_at_idx" ON "login_failures" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "trusted_devices_account_idx" ON "trusted_devices" USING btree ("account");--> statement-breakpoint
CREATE INDEX "briefing_comments_briefing_idx" ON "briefing_comments" USING btree ("briefing_id","created_at");--> statement-breakpoint
CREATE INDEX "briefing_comments_created_idx" ON "briefing_comments" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "briefing_shares_user_idx" ON "briefing_shares" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "clearance_request_clearers_user_idx" ON "clearance_request_clearers" USING btree ("user_id","request_id");--> statement-breakpoint
CREATE INDEX "clearance_requests_briefing_idx" ON "clearance_requests" USING btree ("briefing_id","submitted_at");--> statement-breakpoint
CREATE INDEX "recovery_codes_user_idx" ON "recovery_codes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "second_factor_failures_user_at_idx" ON "second_factor_failures" USING btree ("user_id","at");