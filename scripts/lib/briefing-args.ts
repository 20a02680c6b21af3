import { parseArgs } from "node:util";
import type { Party, Topic } from "@/db/schema";

export const USAGE = `Usage:
  npm run briefing -- --country NAME [--topics slug,slug] [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out FILE.pdf
  npm run briefing -- --briefing ID --out FILE.pdf`;

/** A mistake in the command line: printed as is, exit code 2. */
export class UsageError extends Error {}

export type BriefingRequest =
  | { kind: "adhoc"; countryId: string; topicIds?: string[]; from?: string; to?: string; out: string }
  | { kind: "saved"; briefingId: string; out: string };

export interface RawArgs {
  country?: string;
  topics?: string;
  from?: string;
  to?: string;
  briefing?: string;
  out?: string;
}

export function readArgs(argv: string[]): RawArgs {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        country: { type: "string" },
        topics: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        briefing: { type: "string" },
        out: { type: "string" },
      },
    });
    return values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
}

function isoDay(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!valid) throw new UsageError(`--${name} must be a date as YYYY-MM-DD, not "${value}".`);
  return value;
}

/** A country by name, id or ISO code, case-insensitively; otherwise an error listing them all. */
export function findCountry(query: string, parties: Party[]): Party {
  const countries = parties.filter((p) => p.kind === "country");
  const q = query.trim().toLowerCase();
  const match = countries.find(
    (c) => c.name.toLowerCase() === q || c.id.toLowerCase() === q || c.isoCode?.toLowerCase() === q,
  );
  if (!match)
    throw new UsageError(`Unknown country "${query}". Valid countries: ${countries.map((c) => c.name).join(", ")}.`);
  return match;
}

/** Topic ids (slugs) checked against the live topics; otherwise an error listing them all. */
export function findTopics(list: string, topics: Topic[]): string[] {
  const wanted = list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((slug) => !topics.some((t) => t.id === slug));
  if (unknown.length > 0 || wanted.length === 0) {
    throw new UsageError(
      `Unknown topic${unknown.length === 1 ? "" : "s"} ${unknown.map((u) => `"${u}"`).join(", ") || "(none given)"}. Valid topics: ${topics.map((t) => t.id).join(", ")}.`,
    );
  }
  return wanted;
}

/** Checks the arguments against each other and the database's countries and topics. */
export function validateArgs(args: RawArgs, parties: Party[], topics: Topic[]): BriefingRequest {
  if (!args.out) throw new UsageError(`--out FILE.pdf is required.\n${USAGE}`);
  if (args.briefing && args.country) throw new UsageError(`Give either --briefing or --country, not both.\n${USAGE}`);
  if (args.briefing) return { kind: "saved", briefingId: args.briefing, out: args.out };
  if (!args.country) throw new UsageError(`--country or --briefing is required.\n${USAGE}`);
  const from = isoDay("from", args.from);
  const to = isoDay("to", args.to);
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}.`);
  return {
    kind: "adhoc",
    countryId: findCountry(args.country, parties).id,
    topicIds: args.topics === undefined ? undefined : findTopics(args.topics, topics),
    from,
    to,
    out: args.out,
  };
}
