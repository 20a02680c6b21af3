import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { appRoot } from "../app-paths";
import { ByteBoundedLru } from "../byte-bounded-lru";
import { canonicalJson } from "../canonical-json";
import type { PartInput } from "./parts/part-input";
import { pageGeometry, theme } from "./theme";

/**
 * Rendered parts of briefings (lib/pdf/parts), kept in memory and shared by every user and by
 * drafts and finalised briefings alike, so a part whose content did not change is not rendered
 * again: the second download after editing one key message renders the front matter only, and
 * a colleague briefing on the same country from the same facts renders nothing but the cover.
 *
 * The key is the SHA-256 of the part's whole render input (parts/part-input.ts: the part is
 * rendered from that input alone) and of everything else its bytes depend on: the renderer and
 * PDF library versions, the fonts' bytes, the theme and page geometry, the part format, and
 * the library patches the render threads run with. So a cached part can only ever be served to
 * a briefing that itself produced exactly that content: nobody receives text their own
 * document did not contain. What differs between briefings sharing a part (title, marking,
 * country, DRAFT, page numbers, the briefing's citation numbers) is stamped at assembly, never
 * cached in a part.
 *
 * Bounded in bytes (CHANCERY_PDF_PART_CACHE_MB, default 64; 0 turns it off), least recently
 * used first out. A hit is faster than a render; that is the point, and all it tells anyone is
 * that some briefing printed the same content before — content their own briefing holds.
 */

/** Bump when a part's layout changes in a way its input does not show (a new page style). */
// 2: citation blanks (citation.tsx) instead of printed numbers; 3: blanks name their number by
// colour, not a link; 4: the timeline a list, not a table.
const PART_FORMAT = 4;

/** The packages whose code decides a part's bytes; "unknown" where one cannot be read. */
const RENDER_PACKAGES = [
  "@react-pdf/renderer",
  "@react-pdf/layout",
  "@react-pdf/render",
  "pdfkit",
  "yoga-layout",
  "@react-pdf/textkit",
  "@react-pdf/font",
  "fontkit",
  "react",
  "pdf-lib",
  "@pdf-lib/fontkit",
  "dejavu-fonts-ttf",
];

// Read from the app's node_modules by path: this runs in the server's bundle too, where
// require.resolve answers a module id, not a file.
const packageFile = (name: string, ...file: string[]) =>
  path.join(/*turbopackIgnore: true*/ appRoot(), "node_modules", name, ...file);

function packageVersion(name: string): string {
  try {
    return (
      (JSON.parse(fs.readFileSync(packageFile(name, "package.json"), "utf8")) as { version?: string }).version ??
      "unknown"
    );
  } catch {
    return "unknown";
  }
}

function fontsHash(): string {
  const hash = createHash("sha256");
  try {
    for (const file of ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"]) {
      hash.update(fs.readFileSync(packageFile("dejavu-fonts-ttf", "ttf", file)));
    }
    return hash.digest("hex");
  } catch {
    return "unknown";
  }
}

let staticFingerprint: string | null = null;

/** Versions, fonts, theme and format: what every part's bytes depend on besides its input. */
export function rendererFingerprint(): string {
  if (staticFingerprint) return staticFingerprint;
  staticFingerprint = canonicalJson({
    format: PART_FORMAT,
    packages: Object.fromEntries(RENDER_PACKAGES.map((name) => [name, packageVersion(name)])),
    fonts: fontsHash(),
    theme,
    pageGeometry,
  });
  return staticFingerprint;
}

/**
 * The cache key of a part: its copy (internal or counterpart), then the hash of its render input
 * and the renderer's fingerprint, with `rendererState` (the active library patches). The copy is
 * in the input too; it is named outright as well, as lib/pdf/cache.ts names it for whole PDFs,
 * so no part of one copy can be served into the other whatever the two inputs hold.
 */
export function partKey(input: PartInput, rendererState: string): string {
  const hash = createHash("sha256")
    .update(rendererFingerprint())
    .update("\0")
    .update(rendererState)
    .update("\0")
    .update(canonicalJson(input))
    .digest("hex");
  return `${input.variant}:${hash}`;
}

export interface PartCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
  evictions: number;
}

/** Rendered parts by key, least recently used evicted first once their bytes pass `maxBytes`. */
export class PartCache {
  private readonly entries: ByteBoundedLru<Uint8Array>;
  private readonly inFlight = new Map<string, Promise<Uint8Array>>();
  private hits = 0;
  private misses = 0;

  constructor(readonly maxBytes: number) {
    this.entries = new ByteBoundedLru(maxBytes, (part) => part.byteLength);
  }

  /** The cached part, or the render of it already under way (concurrent downloads share one). */
  get(key: string): Uint8Array | Promise<Uint8Array> | undefined {
    const part = this.entries.get(key) ?? this.inFlight.get(key);
    if (part) this.hits++;
    else this.misses++;
    return part;
  }

  /** Remembers a render under way, so the same part asked for meanwhile waits for it. */
  rendering(key: string, part: Promise<Uint8Array>): void {
    this.inFlight.set(key, part);
    part.then(
      (bytes) => {
        this.inFlight.delete(key);
        this.set(key, bytes);
      },
      // A failed render (busy, timeout) is not remembered; its caller reports the error.
      () => this.inFlight.delete(key),
    );
  }

  set(key: string, part: Uint8Array): void {
    this.entries.set(key, part);
  }

  clear(): void {
    this.entries.clear();
  }

  stats(): PartCacheStats {
    return {
      entries: this.entries.size,
      bytes: this.entries.bytes,
      maxBytes: this.maxBytes,
      hits: this.hits,
      misses: this.misses,
      evictions: this.entries.evictions,
    };
  }
}

/** CHANCERY_PDF_PART_CACHE_MB (default 64): the part cache's bound in MiB; 0 turns it off. */
export function partCacheBytes(env: Record<string, string | undefined> = process.env): number {
  const raw = env.CHANCERY_PDF_PART_CACHE_MB;
  const mb = raw === undefined || raw.trim() === "" ? 64 : Number(raw);
  if (!Number.isFinite(mb) || mb < 0) {
    throw new Error(`CHANCERY_PDF_PART_CACHE_MB must be a number of MiB, 0 or more; got "${raw}"`);
  }
  return Math.floor(mb * 1024 * 1024);
}

/** A part cache bounded by CHANCERY_PDF_PART_CACHE_MB, or null when that is 0. */
export function partCacheFromEnv(env: Record<string, string | undefined> = process.env): PartCache | null {
  const bytes = partCacheBytes(env);
  return bytes > 0 ? new PartCache(bytes) : null;
}
