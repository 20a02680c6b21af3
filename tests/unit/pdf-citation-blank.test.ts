import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { citationLabel } from "@/lib/pdf/base-styles";
import { citationAddress, citationBlank, citationDigits, parseCitationAddress } from "@/lib/pdf/citation";
import { dejavuFontPath } from "@/lib/pdf/fonts";

// Measured with the font itself, not the widths citation.tsx assumes.
interface LaidOut {
  layout(text: string): { advanceWidth: number };
}
const font = (fontkit as unknown as { openSync(path: string): LaidOut }).openSync(dejavuFontPath("DejaVuSans.ttf"));
const width = (text: string) => font.layout(text).advanceWidth;

describe("citation blanks (stamped at assembly)", () => {
  it("leaves room for the widest label its citation could print, and not much more", () => {
    for (const sources of [1, 9, 12, 99, 100, 999, 1000]) {
      const digits = citationDigits(sources);
      for (const count of [1, 2, 3, 5]) {
        const blank = citationBlank(count, digits);
        const widest = citationLabel(Array.from({ length: count }, () => sources));
        expect(width(blank), `${count} of ${sources}`).toBeGreaterThanOrEqual(width(widest));
        // At most one no-break space past the widest label of `digits` digits.
        const full = citationLabel(Array.from({ length: count }, () => Number("9".repeat(digits))));
        expect(width(blank) - width(full), `${count} of ${sources}`).toBeLessThan(width("\u00a0"));
      }
    }
  });

  it("names the part's own numbers in its link, and reads back only its own links", () => {
    expect(parseCitationAddress(citationAddress([3, 1]))).toEqual([3, 1]);
    expect(parseCitationAddress("https://example.org/press/1")).toBeNull();
  });
});
