ALTER TABLE `person_roles` ADD `valid_from_precision` text DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE `person_roles` ADD `valid_to_precision` text DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `expected_party_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `facts` ADD `approximate` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `facts` ADD `rank` text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
-- Issue 13's curation corrections for a database seeded by earlier code (seeding never
-- overwrites a row that exists). Each row is corrected only while it still holds exactly the
-- values the old seed gave it, unedited (version 1, not deleted); the version is bumped so a
-- form opened before the upgrade cannot save over the correction unseen.
UPDATE `meetings` SET `expected_party_ids` = '["EU","KG","KZ","TJ","TM","UZ"]', `version` = `version` + 1,
  `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE `id` IN ('mtg-eu-ca-ministerial-17', 'mtg-eu-ca-ministerial-2023-autumn', 'mtg-eu-ca-summit-1',
  'mtg-eu-ca-economic-forum-1', 'mtg-eu-ca-tourism-forum')
  AND `expected_party_ids` = '[]' AND `status` = 'announced' AND `version` = 1 AND `deleted_at` IS NULL;
--> statement-breakpoint
UPDATE `facts` SET `approximate` = 1, `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE `id` = 'fact-002-09' AND `value` = 105 AND `version` = 1 AND `deleted_at` IS NULL
  AND `quote` = 'The EU has invested about 105 billion euros in Central Asia over the past ten years';
--> statement-breakpoint
UPDATE `participations` SET
  `title` = 'Vice-President of the European Commission and EU High Representative for Foreign Affairs and Security Policy',
  `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE `id` = 'prt-m16-borrell' AND `title` = 'EU High Representative for Foreign Affairs and Security Policy'
  AND `version` = 1 AND `deleted_at` IS NULL;
--> statement-breakpoint
UPDATE `participations` SET
  `title` = 'Deputy Secretary General for Political Affairs of the European External Action Service (EEAS)',
  `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE `id` = 'prt-h21-mora' AND `title` = 'Deputy Secretary General of the European External Action Service (EEAS)'
  AND `version` = 1 AND `deleted_at` IS NULL;
--> statement-breakpoint
UPDATE `person_roles` SET `valid_from` = '2020-11-17', `version` = `version` + 1,
  `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE `id` = 'role-borrell-vp-hr-2022' AND `valid_from` = '2022-11-18' AND `valid_to` = '2022-11-18'
  AND `version` = 1 AND `deleted_at` IS NULL;
--> statement-breakpoint
-- The shorter wording's role goes to the trash, only once the merged role covers its period.
UPDATE `person_roles` SET `deleted_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), `version` = `version` + 1,
  `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE `id` = 'role-borrell-hr-2020' AND `title` = 'EU High Representative for Foreign Affairs and Security Policy'
  AND `valid_from` = '2020-11-17' AND `valid_to` = '2020-11-17' AND `version` = 1 AND `deleted_at` IS NULL
  AND EXISTS (SELECT 1 FROM `person_roles` WHERE `id` = 'role-borrell-vp-hr-2022' AND `valid_from` = '2020-11-17'
    AND `valid_to` = '2022-11-18' AND `deleted_at` IS NULL);
--> statement-breakpoint
UPDATE `person_roles` SET `valid_from` = '2021-07-01', `valid_to` = '2023-12-31', `valid_to_precision` = 'year',
  `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE `id` = 'role-mora-dsg-political-2023' AND `valid_from` = '2023-06-03' AND `valid_to` = '2023-06-03'
  AND `version` = 1 AND `deleted_at` IS NULL;
--> statement-breakpoint
UPDATE `person_roles` SET `deleted_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), `version` = `version` + 1,
  `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE `id` = 'role-mora-dsg-2021' AND `title` = 'Deputy Secretary General of the European External Action Service (EEAS)'
  AND `valid_from` = '2021-07-01' AND `valid_to` = '2021-07-01' AND `version` = 1 AND `deleted_at` IS NULL
  AND EXISTS (SELECT 1 FROM `person_roles` WHERE `id` = 'role-mora-dsg-political-2023' AND `valid_from` = '2021-07-01'
    AND `deleted_at` IS NULL);
--> statement-breakpoint
UPDATE `person_roles` SET `valid_from` = '2020-11-01', `valid_from_precision` = 'month', `version` = `version` + 1,
  `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE `id` = 'role-tokayev-president' AND `valid_from` = '2020-11-17' AND `version` = 1 AND `deleted_at` IS NULL;
--> statement-breakpoint
UPDATE `person_roles` SET `valid_from` = '2023-01-01', `valid_from_precision` = 'year', `version` = `version` + 1,
  `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE `id` = 'role-vassilenko-dfm' AND `valid_from` = '2023-06-03' AND `version` = 1 AND `deleted_at` IS NULL;
--> statement-breakpoint
UPDATE `person_roles` SET `valid_from` = '2025-03-01', `valid_from_precision` = 'month', `valid_to` = '2025-04-30',
  `valid_to_precision` = 'month', `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE `id` = 'role-nurtleu-dpm-fm' AND `valid_from` = '2025-03-27' AND `valid_to` = '2025-03-27'
  AND `version` = 1 AND `deleted_at` IS NULL;
--> statement-breakpoint
UPDATE `person_roles` SET `valid_from_precision` = 'month', `valid_to` = '2025-03-31', `valid_to_precision` = 'month',
  `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE `id` = 'role-stiprais-eusr-ca' AND `valid_from` = '2025-03-01' AND `valid_to` = '2025-03-01'
  AND `version` = 1 AND `deleted_at` IS NULL;
