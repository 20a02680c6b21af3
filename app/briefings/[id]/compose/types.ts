import type { Marking } from "@/lib/briefing/document";
import { derivedMarking, effectiveMarking, type Handling } from "@/lib/model/handling";

/** The composer's state: serialisable, built on the server, posted back whole on save. */
export interface ComposerItem {
  factId: string;
  included: boolean;
  note: string;
  text: string;
  date: string;
  dated: boolean;
  meeting: string | null;
  source: string;
  /** Retired from the fact base since it was proposed: never printed. */
  retired: boolean;
  handling: Handling;
  marking: Marking;
}

export interface ComposerSection {
  topicId: string;
  title: string;
  items: ComposerItem[];
}

export interface ComposerState {
  version: number;
  title: string;
  /** The counterpart copy's title (empty: the neutral one). */
  counterpartTitle: string;
  /** The marking the user chose; what is saved is never below the included facts' (see savedMarking). */
  marking: Marking;
  purpose: string;
  keyMessages: string;
  background: string;
  occasion: { meeting: string; date: string; place: string; counterpart: string; principal: string };
  sections: ComposerSection[];
}

/** Moves element `from` of a list by `by` places (clamped); returns a new list. */
export function move<T>(list: T[], from: number, by: number): T[] {
  const to = Math.max(0, Math.min(list.length - 1, from + by));
  if (to === from) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** The facts that print: included and not retired (the ones the minimum marking counts). */
export const printedItems = (items: readonly ComposerItem[]) => items.filter((i) => i.included && !i.retired);

/**
 * The marking a save sends: the chosen one, raised to the included facts' highest when below it,
 * so including a higher fact raises it and excluding it again lowers it back to the choice.
 */
export function savedMarking(state: Pick<ComposerState, "marking" | "sections">): Marking {
  return effectiveMarking(state.marking, derivedMarking(state.sections.flatMap((s) => printedItems(s.items))));
}

export function toPayload(state: ComposerState) {
  return {
    version: state.version,
    title: state.title,
    counterpartTitle: state.counterpartTitle,
    marking: savedMarking(state),
    purpose: state.purpose,
    keyMessages: state.keyMessages
      .split("\n")
      .map((m) => m.trim())
      .filter(Boolean),
    background: state.background,
    occasion: state.occasion,
    sections: state.sections.map((s) => ({
      topicId: s.topicId,
      items: s.items.map((i) => ({ factId: i.factId, included: i.included, note: i.note })),
    })),
  };
}
