import type { SeedData } from "./types";

/**
 * The curated fact base's own rules, checked without a database: every quote (facts,
 * participations, meeting reports, roles) is a verbatim substring of its article and short
 * enough to be a clause or a sentence or two; every fact text is free of mixed alphabets and
 * web-page boilerplate, has a party and a topic, explains an inferred date, and has its own id.
 * Returns the problems found, one line each (none: all good).
 */
export function checkSeedData(data: SeedData, articleText: (fileName: string) => string): string[] {
  const texts = new Map(data.sources.map((s) => [s.id, articleText(s.fileName)]));
  const problems: string[] = [];
  const sentenceEnds = (q: string) => (q.match(/[.!?][»”"’]?(?=\s|$)/g) ?? []).length;

  const checkQuote = (where: string, sourceId: string | undefined, quote: string | undefined) => {
    if (!sourceId || !quote) return;
    const text = texts.get(sourceId);
    if (!text) return problems.push(`${where}: unknown source ${sourceId}`);
    if (!text.includes(quote))
      problems.push(`${where}: quote not found verbatim in ${sourceId}: ${JSON.stringify(quote)}`);
    if (quote.length > 450) problems.push(`${where}: quote is ${quote.length} characters`);
    if (sentenceEnds(quote) > 3) problems.push(`${where}: quote has ${sentenceEnds(quote)} sentence ends`);
  };
  for (const f of data.facts) checkQuote(f.id, f.sourceId, f.quote);
  for (const p of data.participations) checkQuote(p.id, p.sourceId, p.quote);
  for (const r of data.roles) checkQuote(r.id, r.sourceId, r.quote);
  for (const m of data.meetings) for (const r of m.sources) checkQuote(`${m.id}<-${r.sourceId}`, r.sourceId, r.quote);

  const MIXED = /(?=\p{L}*\p{Script=Latin})(?=\p{L}*[\p{Script=Cyrillic}\p{Script=Greek}])\p{L}+/u;
  const BOILERPLATE = /Photo:|gov\.kz|Currently reading|appeared first on|NE Global Media|The post /i;
  const ids = new Set<string>();
  for (const f of data.facts) {
    if (MIXED.test(f.text)) problems.push(`${f.id}: mixed alphabets in ${JSON.stringify(f.text.match(MIXED)?.[0])}`);
    if (/[^\p{Script=Latin}\P{L}]/u.test(f.text)) problems.push(`${f.id}: non-Latin letter in text`);
    if (BOILERPLATE.test(f.text)) problems.push(`${f.id}: boilerplate in text`);
    if (f.parties.length === 0 || f.topics.length === 0) problems.push(`${f.id}: needs a party and a topic`);
    if (f.date.inferred && !f.date.note) problems.push(`${f.id}: inferred date without a note`);
    if (ids.has(f.id)) problems.push(`duplicate fact id ${f.id}`);
    ids.add(f.id);
  }
  return problems;
}
