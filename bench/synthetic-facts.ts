import type { DB } from "@/db/client";

const WORDS = [
  "cooperation",
  "trade",
  "transport",
  "corridor",
  "water",
  "security",
  "investment",
  "energy",
  "dialogue",
  "border",
  "climate",
  "education",
  "digital",
  "summit",
  "minister",
  "agreement",
  "visa",
  "forum",
  "programme",
  "regional",
];

/** A deterministic pseudo-random generator, so every run builds the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * Inserts synthetic parties and facts (each about one to three countries and one or two
 * topics, dated 2005–2026 at mixed precision) in one transaction, through the real schema,
 * so triggers keep the FTS index as they do in production.
 */
export function makeSyntheticFacts(db: DB, opts: { facts: number; countries: number }) {
  const raw = db.$client;
  const random = rng(42);
  const topicIds = raw.prepare("SELECT id FROM topics ORDER BY sort_order").pluck().all() as string[];
  const countryIds = Array.from({ length: opts.countries }, (_, i) => `S${String(i).padStart(2, "0")}`);
  const insertParty = raw.prepare(
    "INSERT INTO parties (id, name, kind, iso_code, aliases, version, created_at, updated_at) VALUES (?, ?, 'country', NULL, '[]', 1, ?, ?)",
  );
  const insertFact =
    raw.prepare(`INSERT INTO facts (id, kind, text, date_start, date_end, date_precision, date_inferred, source_id, quote, version, created_at, updated_at)
    VALUES (?, 'statement', ?, ?, ?, ?, 0, 'src-000', ?, 1, ?, ?)`);
  const linkParty = raw.prepare("INSERT OR IGNORE INTO fact_parties (fact_id, party_id) VALUES (?, ?)");
  const linkTopic = raw.prepare("INSERT OR IGNORE INTO fact_topics (fact_id, topic_id) VALUES (?, ?)");
  const now = new Date().toISOString();
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  raw
    .transaction(() => {
      countryIds.forEach((id, i) => insertParty.run(id, `Synthetic country ${i}`, now, now));
      for (let i = 0; i < opts.facts; i++) {
        const year = 2005 + Math.floor(random() * 22);
        const month = 1 + Math.floor(random() * 12);
        const yearly = random() < 0.3;
        const start = yearly ? `${year}-01-01` : `${year}-${String(month).padStart(2, "0")}-01`;
        const end = yearly ? `${year}-12-31` : `${year}-${String(month).padStart(2, "0")}-28`;
        const text = Array.from({ length: 12 }, () => pick(WORDS)).join(" ");
        const id = `syn-${i}`;
        insertFact.run(
          id,
          `Synthetic fact ${i}: ${text}.`,
          start,
          end,
          yearly ? "year" : "month",
          text.slice(0, 60),
          now,
          now,
        );
        for (let k = 0, n = 1 + Math.floor(random() * 3); k < n; k++) linkParty.run(id, pick(countryIds));
        for (let k = 0, n = 1 + Math.floor(random() * 2); k < n; k++) linkTopic.run(id, pick(topicIds));
      }
    })
    .immediate();
  return { countryIds, topicIds };
}
