import { DEFAULT_HANDLING, HANDLING_VALUES } from "@/lib/model/handling";
import { MEETING_FORMATS, MEETING_MODES, MEETING_STATUSES } from "@/lib/model/meetings";
import { PARTY_KINDS } from "@/lib/model/parties";
import type { ReferenceKind } from "@/lib/model/reference-data";
import { DATE_PRECISIONS } from "@/lib/dates/date-span";

export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "textarea" | "select" | "checkbox";
  /** Fixed choices; "parties" means the live parties, filled in by the page. */
  options?: readonly string[] | "parties";
  hint?: string;
}

export interface ReferenceDataSpec {
  kind: ReferenceKind;
  path: string;
  title: string;
  singular: string;
  fields: FieldSpec[];
  columns: string[];
}

const opt = (list: readonly string[]) => list;

/** How each kind of reference data is listed and edited by the generic admin pages. */
export const REFERENCE_DATA_SPECS: Record<ReferenceKind, ReferenceDataSpec> = {
  party: {
    kind: "party",
    path: "/admin/parties",
    title: "Parties",
    singular: "party",
    columns: ["name", "kind", "isoCode"],
    fields: [
      { name: "name", label: "Name" },
      { name: "kind", label: "Kind", type: "select", options: opt(PARTY_KINDS) },
      { name: "isoCode", label: "ISO code", hint: "Two letters; EU for the European Union." },
      { name: "aliases", label: "Aliases", hint: "Other names the sources use, separated by commas." },
    ],
  },
  topic: {
    kind: "topic",
    path: "/admin/topics",
    title: "Topics",
    singular: "topic",
    columns: ["name", "sortOrder"],
    fields: [
      { name: "name", label: "Name" },
      { name: "description", label: "Description", type: "textarea" },
      { name: "sortOrder", label: "Sort order" },
    ],
  },
  person: {
    kind: "person",
    path: "/admin/people",
    title: "People",
    singular: "person",
    columns: ["name", "aliases"],
    fields: [
      { name: "name", label: "Name", hint: "As they spell themselves." },
      { name: "aliases", label: "Aliases", hint: "Spellings in sources, separated by commas." },
    ],
  },
  meeting: {
    kind: "meeting",
    path: "/admin/meetings",
    title: "Meetings",
    singular: "meeting",
    columns: ["name", "dateStart", "status", "handling"],
    fields: [
      { name: "name", label: "Name" },
      { name: "series", label: "Series" },
      { name: "format", label: "Format", type: "select", options: opt(MEETING_FORMATS) },
      { name: "ordinal", label: "Ordinal" },
      { name: "dateStart", label: "Earliest day", hint: "YYYY-MM-DD; empty when unknown." },
      { name: "dateEnd", label: "Latest day" },
      { name: "datePrecision", label: "Precision", type: "select", options: opt(["", ...DATE_PRECISIONS]) },
      { name: "dateInferred", label: "Date inferred", type: "checkbox" },
      { name: "dateNote", label: "Date note", type: "textarea" },
      { name: "place", label: "Place" },
      { name: "hostPartyId", label: "Host party", type: "select", options: "parties" },
      { name: "mode", label: "Mode", type: "select", options: opt(MEETING_MODES) },
      { name: "status", label: "Status", type: "select", options: opt(MEETING_STATUSES) },
      {
        name: "handling",
        label: "Handling",
        type: "select",
        // The default first: a new meeting starts as it would be stored without one (internal).
        options: opt([DEFAULT_HANDLING, ...HANDLING_VALUES.filter((h) => h !== DEFAULT_HANDLING)]),
        hint: "Releasable: its name, date, place and participants may appear in the counterpart copy.",
      },
    ],
  },
};
