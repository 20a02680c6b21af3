import type { LastBriefing } from "@/db/queries/briefings/propose-facts";
import { FinalisedOn } from "./since-last-briefing";

interface Option {
  id: string;
  name: string;
}

/** A plain GET form: the filters live in the URL, so a proposal can be bookmarked and works without script. */
export function FilterForm({
  countries,
  topics,
  values,
  lastBriefing,
  errors,
}: {
  countries: Option[];
  topics: Option[];
  values: { country: string; topics: string[]; from: string; to: string; q: string; since: boolean };
  /** The user's last finalised briefing on the chosen country: the "new or changed" filter is offered only with one. */
  lastBriefing: LastBriefing | null;
  errors: string[];
}) {
  const allTopics = values.topics.length === 0;
  return (
    <form
      method="get"
      action="/briefings/new"
      className="card grid gap-5 p-6 md:grid-cols-2"
      aria-labelledby="filters-heading"
    >
      <h2 id="filters-heading" className="text-lg font-semibold text-ink md:col-span-2">
        What the briefing covers
      </h2>
      {errors.length > 0 && (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 md:col-span-2"
        >
          {errors.join(" ")}
        </div>
      )}
      <div>
        <label htmlFor="country" className="field-label">
          Country{" "}
          <span className="text-red-700" aria-hidden="true">
            *
          </span>
        </label>
        <select id="country" name="country" required defaultValue={values.country} className="field-input">
          <option value="" disabled>
            Choose a country…
          </option>
          {countries.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="q" className="field-label">
          Search words <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={values.q}
          maxLength={200}
          className="field-input"
          placeholder="e.g. rare earth"
        />
      </div>
      <fieldset className="md:col-span-2">
        <legend className="field-label">
          Topics <span className="font-normal text-slate-500">(none ticked means all)</span>
        </legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {topics.map((t) => (
            <label key={t.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="topics"
                value={t.id}
                defaultChecked={allTopics || values.topics.includes(t.id)}
                className="h-4 w-4 rounded border-slate-400"
              />
              {t.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="from" className="field-label">
          From <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <input id="from" name="from" type="date" defaultValue={values.from} className="field-input" />
      </div>
      <div>
        <label htmlFor="to" className="field-label">
          To <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <input id="to" name="to" type="date" defaultValue={values.to} className="field-input" />
        <p className="mt-1 text-xs text-slate-500">
          A fact matches when any part of its date overlaps the range (a fact dated “2023” matches March 2023).
        </p>
      </div>
      {lastBriefing && (
        <div className="md:col-span-2">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <input
              type="checkbox"
              name="since"
              value="1"
              defaultChecked={values.since}
              aria-describedby="since-hint"
              className="h-4 w-4 rounded border-slate-400"
            />
            Only new or changed since my last briefing
          </label>
          <p id="since-hint" className="mt-1 text-xs text-slate-500">
            Facts added or edited after your briefing “{lastBriefing.title}” was finalised on{" "}
            <FinalisedOn at={lastBriefing.finalisedAt} />.
          </p>
        </div>
      )}
      <div className="md:col-span-2">
        <button type="submit" className="btn-primary">
          Show matching facts
        </button>
      </div>
    </form>
  );
}
