"use client";

import { useActionState, useState } from "react";
import { FormField, FormStatus } from "@/app/components/form-field";
import type { ActionState } from "@/app/_request/guard";
import { SelectField, TextAreaField } from "../components/fields";
import { addMeetingReportAction, addParticipationAction } from "./link-actions";

type Option = { id: string; name: string };

/** Remounts after each success so the fields clear; after a refusal, what was typed stays. */
function useRoundAction<T>(action: (prev: ActionState<T>, fd: FormData) => Promise<ActionState<T>>) {
  const [round, setRound] = useState(0);
  const [state, formAction, pending] = useActionState(async (prev: ActionState<T>, fd: FormData) => {
    const result = await action(prev, fd);
    if (result?.ok) setRound((r) => r + 1);
    return result;
  }, null);
  const failed = state && !state.ok ? state : null;
  return {
    state,
    formAction,
    pending,
    round,
    err: (f: string) => failed?.fieldErrors?.[f]?.[0],
    v: failed?.values ?? {},
  };
}

export function AddParticipantForm({
  meetingId,
  people,
  parties,
  sources,
}: {
  meetingId: string;
  people: Option[];
  parties: Option[];
  sources: Option[];
}) {
  const { state, formAction, pending, round, err, v } = useRoundAction(addParticipationAction);
  return (
    <form
      action={formAction}
      key={round}
      noValidate
      className="mt-4 space-y-3 border-t border-slate-200 pt-4"
      aria-label="Add a participant"
    >
      <input type="hidden" name="meetingId" value={meetingId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Person"
          name="personId"
          id="participant-personId"
          defaultValue={v.personId ?? ""}
          error={err("personId")}
        >
          <option value="">Not named in the source</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Party"
          name="partyId"
          id="participant-partyId"
          defaultValue={v.partyId ?? ""}
          error={err("partyId")}
        >
          <option value="">Choose…</option>
          {parties.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      </div>
      <FormField
        label="Title at the time"
        name="title"
        id="participant-title"
        defaultValue={v.title}
        error={err("title")}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="leadsDelegation" value="true" defaultChecked={v.leadsDelegation === "true"} /> Led
        the delegation
      </label>
      <SelectField
        label="Source"
        name="sourceId"
        id="participant-sourceId"
        defaultValue={v.sourceId ?? ""}
        error={err("sourceId")}
      >
        <option value="">Choose…</option>
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label="Quote (verbatim from the source)"
        name="quote"
        id="participant-quote"
        rows={2}
        defaultValue={v.quote}
        error={err("quote")}
      />
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-secondary" disabled={pending}>
          Add participant
        </button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}

export function AddReportForm({ meetingId, sources }: { meetingId: string; sources: Option[] }) {
  const { state, formAction, pending, round, err, v } = useRoundAction(addMeetingReportAction);
  return (
    <form
      action={formAction}
      key={round}
      noValidate
      className="mt-4 space-y-3 border-t border-slate-200 pt-4"
      aria-label="Add a report"
    >
      <input type="hidden" name="meetingId" value={meetingId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Reporting source"
          name="sourceId"
          id="report-sourceId"
          defaultValue={v.sourceId ?? ""}
          error={err("sourceId")}
        >
          <option value="">Choose…</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="It reports the meeting as"
          name="reports"
          id="report-reports"
          defaultValue={v.reports ?? "held"}
          error={err("reports")}
        >
          <option value="held">held</option>
          <option value="announced">announced</option>
          <option value="mentioned">mentioned</option>
        </SelectField>
      </div>
      <TextAreaField
        label="Quote that says so (verbatim)"
        name="quote"
        id="report-quote"
        rows={2}
        defaultValue={v.quote}
        error={err("quote")}
      />
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-secondary" disabled={pending}>
          Add report
        </button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
