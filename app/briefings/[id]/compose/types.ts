import type { Marking } from "@/lib/briefing/document";

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

export function toPayload(state: ComposerState) {
  return {
    version: state.version,
    title: state.title,
    counterpartTitle: state.counterpartTitle,
    marking: state.marking,
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
