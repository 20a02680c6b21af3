-- Handling per fact (issue 16; lib/model/handling.ts). Written by hand rather than as drizzle-kit's
-- table rebuild: rebuilding `facts` would drop its full-text triggers (0006), and
-- rebuilding `users` would trip the foreign keys pointing at it. SQLite checks a new column's CHECK
-- against the existing rows, and a column CHECK may name other columns, so the constraints are the
-- same as the schema's table checks (drizzle/meta/0010_snapshot.json records them so).
ALTER TABLE `facts` ADD `handling` text DEFAULT 'internal' NOT NULL
  CONSTRAINT "facts_handling_known" CHECK(`handling` IN ('releasable', 'internal', 'not-for-disclosure'));--> statement-breakpoint
ALTER TABLE `facts` ADD `marking` text DEFAULT 'OFFICIAL' NOT NULL
  CONSTRAINT "facts_marking_known" CHECK(`marking` IN ('OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET'))
  CONSTRAINT "facts_releasable_not_secret" CHECK(NOT (`handling` = 'releasable' AND `marking` = 'SECRET'));--> statement-breakpoint
ALTER TABLE `users` ADD `clearance_level` text DEFAULT 'OFFICIAL' NOT NULL
  CONSTRAINT "users_clearance_level_known" CHECK(`clearance_level` IN ('OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET'));--> statement-breakpoint
-- The curated facts all come from public press articles: releasable and OFFICIAL, as the seed now
-- gives them (db/seed/seed.ts). For a database seeded by earlier code (seeding never overwrites a
-- row that exists), only the shipped facts still unedited are set so: not deleted, no user's edit,
-- at version 1 (or 2 for fact-002-09, which 0005 corrected); an edited one keeps the safe default
-- (internal) for an administrator to decide. The version is bumped, as 0005 did, so a form opened
-- before the upgrade cannot save over it unseen.
UPDATE `facts` SET `handling` = 'releasable', `marking` = 'OFFICIAL', `version` = `version` + 1,
  `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE `deleted_at` IS NULL AND `updated_by` IS NULL
  AND (`version` = 1 OR (`id` = 'fact-002-09' AND `version` = 2))
  AND `id` IN (
  'fact-000-01', 'fact-000-02', 'fact-000-03', 'fact-000-04', 'fact-000-05', 'fact-000-06', 'fact-000-07',
  'fact-000-08', 'fact-000-09', 'fact-000-10', 'fact-000-11', 'fact-000-12', 'fact-000-13', 'fact-000-14',
  'fact-000-15', 'fact-001-01', 'fact-001-02', 'fact-001-03', 'fact-001-04', 'fact-001-05', 'fact-001-06',
  'fact-001-07', 'fact-001-08', 'fact-001-09', 'fact-001-10', 'fact-002-01', 'fact-002-02', 'fact-002-03',
  'fact-002-04', 'fact-002-05', 'fact-002-06', 'fact-002-07', 'fact-002-08', 'fact-002-09', 'fact-002-10',
  'fact-002-11', 'fact-002-12', 'fact-002-13', 'fact-002-14', 'fact-002-15', 'fact-002-16', 'fact-002-17',
  'fact-002-18', 'fact-002-19', 'fact-002-20', 'fact-002-21', 'fact-002-22', 'fact-003-01', 'fact-003-02',
  'fact-003-03', 'fact-003-04', 'fact-003-05', 'fact-003-06', 'fact-003-07', 'fact-003-08', 'fact-003-09',
  'fact-003-10', 'fact-004-01', 'fact-004-02', 'fact-004-03', 'fact-004-04', 'fact-004-05', 'fact-004-06',
  'fact-004-07', 'fact-004-08', 'fact-004-09', 'fact-004-10', 'fact-004-11', 'fact-004-12', 'fact-004-13',
  'fact-004-14', 'fact-004-15', 'fact-004-16', 'fact-004-17', 'fact-004-18', 'fact-004-19', 'fact-004-20',
  'fact-004-21', 'fact-004-22', 'fact-004-23', 'fact-004-24', 'fact-004-25', 'fact-004-26', 'fact-004-27',
  'fact-004-28', 'fact-004-29', 'fact-004-30', 'fact-004-31'
);
