-- Handling per meeting (issue 16, the counterpart copy): only releasable meetings reach the
-- counterpart copy's timeline, events and who's who. Written by hand, as 0010 was, rather than as
-- drizzle-kit's table rebuild: rebuilding `meetings` would trip the foreign keys pointing at it.
-- SQLite checks a new column's CHECK against the existing rows; the constraint is the schema's
-- table check (drizzle/meta/0011_snapshot.json records it so).
ALTER TABLE `meetings` ADD `handling` text DEFAULT 'internal' NOT NULL
  CONSTRAINT "meetings_handling_known" CHECK(`handling` IN ('releasable', 'internal', 'not-for-disclosure'));--> statement-breakpoint
-- The curated meetings all come from public press articles: releasable, as the seed now gives
-- them (db/seed/seed.ts). For a database seeded by earlier code (seeding never overwrites a row
-- that exists), only the shipped meetings still unedited are set so: not deleted, at version 1,
-- or 2 for the five announced events 0005 gave their expected parties (and still holding those);
-- an edited one keeps the safe default (internal) for an administrator to decide. The version is
-- bumped, as 0005 and 0010 did, so a form opened before the upgrade cannot save over it unseen.
UPDATE `meetings` SET `handling` = 'releasable', `version` = `version` + 1,
  `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE `deleted_at` IS NULL
  AND (`version` = 1 OR (`version` = 2 AND `expected_party_ids` = '["EU","KG","KZ","TJ","TM","UZ"]' AND `id` IN (
    'mtg-eu-ca-ministerial-17', 'mtg-eu-ca-ministerial-2023-autumn', 'mtg-eu-ca-summit-1',
    'mtg-eu-ca-economic-forum-1', 'mtg-eu-ca-tourism-forum')))
  AND `id` IN (
  'mtg-eu-ca-ministerial-16', 'mtg-eu-ca-ministerial-17', 'mtg-eu-ca-ministerial-18',
  'mtg-eu-ca-ministerial-2023-autumn', 'mtg-eu-ca-ministerial-20', 'mtg-eu-ca-hlpsd-2021', 'mtg-eu-ca-hlpsd-10',
  'mtg-ca-euco-consultative-1', 'mtg-ca-euco-consultative-2', 'mtg-eu-ca-summit-1',
  'mtg-regional-climate-summit-2026', 'mtg-eu-ca-economic-forum-1', 'mtg-eu-ca-economic-forum-2',
  'mtg-eu-ca-tourism-forum', 'mtg-ca-eu-special-reps-ashgabat-2023', 'mtg-un-conference-doha-2023',
  'mtg-kallas-tokayev-2025', 'mtg-kallas-nurtleu-2025', 'mtg-ashgabat-side-event-peace-trust-2025',
  'mtg-vassilenko-stiprais-2025'
);
