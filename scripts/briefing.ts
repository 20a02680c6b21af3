/**
 * npm run briefing -- --country Kazakhstan [--topics slug,slug] [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out FILE.pdf
 * npm run briefing -- --briefing ID --out FILE.pdf
 * Prints a briefing to PDF: an ad-hoc one of every matching fact, or a saved one (as its owner
 * sees it). Exit code 2 for a wrong command line (unknown country or topic included).
 */
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { closeDb, readerOf, type Database } from "@/db/client";
import { listParties, listTopics } from "@/db/queries/topics-and-parties";
import { briefings, users } from "@/db/schema";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { buildAdhocDocument } from "@/db/queries/briefings/build-adhoc-document";
import { buildSavedDocument } from "@/db/queries/briefings/build-saved-document";
import type { BriefingDocument } from "@/lib/briefing/document";
import { AppError, NotFoundError } from "@/lib/errors";
import { renderBriefingPdf } from "@/lib/pdf/render";
import { prepareDatabase } from "@/db/setup/prepare-database";
import { readArgs, UsageError, validateArgs, type BriefingRequest } from "./lib/briefing-args";

/** The command line is trusted like an administrator, but briefings are private: act as the owner. */
async function ownerOf(db: Database, briefingId: string): Promise<Actor> {
  const [owner] = await readerOf(db)
    .select()
    .from(users)
    .innerJoin(briefings, eq(briefings.ownerId, users.id))
    .where(eq(briefings.id, briefingId))
    .then((rows) => rows.map((r) => r.users));
  if (!owner) throw new NotFoundError(`No briefing with id ${briefingId}.`);
  return {
    userId: owner.id,
    email: owner.email,
    name: owner.name,
    role: owner.role,
    clearer: owner.clearer,
    clearanceLevel: owner.clearanceLevel,
    ip: null,
  };
}

async function buildDocument(db: Database, request: BriefingRequest): Promise<BriefingDocument> {
  if (request.kind === "saved")
    return buildSavedDocument({ actor: await ownerOf(db, request.briefingId), briefingId: request.briefingId, db });
  return buildAdhocDocument({
    actor: SYSTEM_ACTOR,
    countryId: request.countryId,
    topicIds: request.topicIds,
    from: request.from,
    to: request.to,
    db,
  });
}

async function main(): Promise<number> {
  const args = readArgs(process.argv.slice(2));
  // As the server's start does: migrated, and the curated rows inserted where missing (never
  // overwriting an edit), so a briefing from a fresh install is not an empty one.
  const { db } = await prepareDatabase();
  const request = validateArgs(args, await listParties({ db }), await listTopics({ db }));
  const doc = await buildDocument(db, request);
  const pdf = await renderBriefingPdf(doc);
  fs.writeFileSync(request.out, pdf);
  const facts = doc.sections.reduce((n, s) => n + s.facts.length, 0);
  console.log(
    `Wrote ${request.out}: "${doc.title}", ${facts} facts in ${doc.sections.length} sections, ${pdf.length} bytes.`,
  );
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exitCode = 2;
  } else {
    console.error(error instanceof AppError ? error.message : error);
    process.exitCode = 1;
  }
} finally {
  closeDb();
}
