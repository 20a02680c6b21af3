-- fact_party_topics, as SQLite's drizzle/0012 (issue 18): one row per fact, party and topic with
-- a copy of the columns a proposal filters and sorts on (first_topic a boolean here), keyed (party_id, seq, topic_id), kept
-- equal to the view fact_party_topics_joined by triggers. Written by hand (drizzle-kit cannot
-- express triggers), and not in db/schema-pg, as it is not in db/schema: the data layer only
-- reads it. PostgreSQL's row triggers simply rebuild the rows of each fact a write touches (by
-- the fact_id index, which SQLite's version does without by finding the rows through the key).
CREATE VIEW "fact_party_topics_joined" AS
  SELECT fp."party_id", f."seq", ft."topic_id", t."sort_order" AS "topic_order",
    NOT EXISTS (SELECT 1 FROM "fact_topics" ft2 JOIN "topics" t2 ON t2."id" = ft2."topic_id" WHERE ft2."fact_id" = f."id"
      AND (t2."sort_order", t2."id") < (t."sort_order", t."id")) AS "first_topic",
    f."id" AS "fact_id", f."deleted_at",
    f."marking", f."date_start", f."date_end", f."created_at", f."updated_at"
  FROM "facts" f JOIN "fact_parties" fp ON fp."fact_id" = f."id" JOIN "fact_topics" ft ON ft."fact_id" = f."id"
    JOIN "topics" t ON t."id" = ft."topic_id"
  WHERE f."seq" IS NOT NULL;
--> statement-breakpoint
CREATE TABLE "fact_party_topics" (
  "party_id" text NOT NULL,
  "seq" integer NOT NULL,
  "topic_id" text NOT NULL,
  "topic_order" integer NOT NULL,
  "first_topic" boolean NOT NULL,
  "fact_id" text NOT NULL,
  "deleted_at" text,
  "marking" text NOT NULL,
  "date_start" text NOT NULL,
  "date_end" text NOT NULL,
  "created_at" text NOT NULL,
  "updated_at" text NOT NULL,
  PRIMARY KEY ("party_id", "seq", "topic_id")
);
--> statement-breakpoint
CREATE INDEX "fact_party_topics_fact_idx" ON "fact_party_topics" ("fact_id");
--> statement-breakpoint
CREATE INDEX "fact_party_topics_sections_idx" ON "fact_party_topics" ("party_id", "topic_order", "topic_id", "date_start" DESC, "fact_id")
  INCLUDE ("marking", "date_end", "created_at", "updated_at") WHERE "first_topic" AND "deleted_at" IS NULL;
--> statement-breakpoint
INSERT INTO "fact_party_topics" SELECT * FROM "fact_party_topics_joined";
--> statement-breakpoint
CREATE FUNCTION "fact_party_topics_refresh"(fact text) RETURNS void LANGUAGE sql AS $$
  DELETE FROM "fact_party_topics" WHERE "fact_id" = fact;
  INSERT INTO "fact_party_topics" SELECT * FROM "fact_party_topics_joined" WHERE "fact_id" = fact;
$$;
--> statement-breakpoint
CREATE FUNCTION "fact_party_topics_on_fact"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "fact_party_topics" WHERE "fact_id" = OLD."id";
  ELSE
    PERFORM "fact_party_topics_refresh"(NEW."id");
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "fact_party_topics_fact" AFTER INSERT OR DELETE
  OR UPDATE OF "seq", "deleted_at", "marking", "date_start", "date_end", "created_at", "updated_at" ON "facts"
  FOR EACH ROW EXECUTE FUNCTION "fact_party_topics_on_fact"();
--> statement-breakpoint
CREATE FUNCTION "fact_party_topics_on_link"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "fact_party_topics_refresh"(OLD."fact_id"); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM "fact_party_topics_refresh"(NEW."fact_id"); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "fact_party_topics_party" AFTER INSERT OR UPDATE OR DELETE ON "fact_parties"
  FOR EACH ROW EXECUTE FUNCTION "fact_party_topics_on_link"();
--> statement-breakpoint
CREATE TRIGGER "fact_party_topics_topic" AFTER INSERT OR UPDATE OR DELETE ON "fact_topics"
  FOR EACH ROW EXECUTE FUNCTION "fact_party_topics_on_link"();
--> statement-breakpoint
CREATE FUNCTION "fact_party_topics_on_topic_order"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "fact_party_topics_refresh"(ft."fact_id") FROM "fact_topics" ft WHERE ft."topic_id" = NEW."id";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "fact_party_topics_topic_order" AFTER UPDATE OF "sort_order" ON "topics"
  FOR EACH ROW EXECUTE FUNCTION "fact_party_topics_on_topic_order"();
