"use client";

import { useEffect, useRef, useState } from "react";

/** What each copy's button fetches and says. */
const COPIES = {
  internal: {
    path: "pdf",
    label: "Download PDF",
    busy: "Rendering PDF…",
    rendering: "Rendering the PDF…",
    done: "PDF downloaded.",
    what: "The PDF",
  },
  counterpart: {
    path: "pdf/counterpart",
    label: "Download counterpart copy",
    busy: "Rendering counterpart copy…",
    rendering: "Rendering the counterpart copy…",
    done: "Counterpart copy downloaded.",
    what: "The counterpart copy",
  },
} as const;

/** Busy answers (503, 429) the button waits out by itself before it gives up and says so. */
const BUSY_RETRIES = 3;
/** A Retry-After longer than this is not waited out: the user is told instead. */
const LONGEST_WAIT_S = 30;

/** A wait that ends early, rejecting, when `signal` aborts. */
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** Seconds from a Retry-After header (delta-seconds; a date or nonsense reads as null). */
function retryAfterSeconds(response: Response): number | null {
  const value = Number(response.headers.get("Retry-After"));
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

/**
 * Downloads a server-rendered PDF — the briefing, or its counterpart copy (releasable material
 * only) — showing that rendering is under way (a long briefing takes a moment) and saying what
 * to do when it fails. When the service is busy (503) or the user's other PDFs are still
 * rendering (429), it waits the Retry-After the server sent and tries again, a few times,
 * saying so, before it gives up.
 */
export function DownloadButton({ briefingId, copy = "internal" }: { briefingId: string; copy?: keyof typeof COPIES }) {
  const c = COPIES[copy];
  const [state, setState] = useState<"idle" | "busy" | "error">("idle");
  const [message, setMessage] = useState("");
  // Leaving the page (a client-side navigation unmounts the button) ends a download under way:
  // no file should arrive seconds later on a page that no longer asked for it.
  const inFlight = useRef<AbortController | null>(null);
  useEffect(() => () => inFlight.current?.abort(), []);
  async function download() {
    const controller = new AbortController();
    inFlight.current = controller;
    const { signal } = controller;
    setState("busy");
    setMessage(c.rendering);
    try {
      let response = await fetch(`/briefings/${briefingId}/${c.path}`, { signal });
      for (let retry = 1; retry <= BUSY_RETRIES && (response.status === 503 || response.status === 429); retry++) {
        const wait = retryAfterSeconds(response);
        if (wait === null || wait > LONGEST_WAIT_S) break;
        setMessage(
          response.status === 503
            ? `The PDF service is busy; trying again in ${wait} seconds…`
            : `Your other PDFs are still rendering; trying again in ${wait} seconds…`,
        );
        await sleep(wait * 1000, signal);
        setMessage(c.rendering);
        response = await fetch(`/briefings/${briefingId}/${c.path}`, { signal });
      }
      if (!response.ok) {
        const retry = response.headers.get("Retry-After");
        throw new Error(
          response.status === 503
            ? `The PDF service is busy; try again in ${retry ?? "a few"} seconds.`
            : response.status === 429
              ? "Your other PDFs are still rendering; try again when they are done."
              : `${c.what} could not be made (error ${response.status}). Try again, or tell an administrator.`,
        );
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "briefing.pdf";
      const url = URL.createObjectURL(await response.blob());
      const a = Object.assign(document.createElement("a"), { href: url, download: name });
      a.click();
      URL.revokeObjectURL(url);
      setState("idle");
      setMessage(c.done);
    } catch (error) {
      if (signal.aborted) return; // the page is gone
      setState("error");
      setMessage(error instanceof Error ? error.message : `${c.what} could not be downloaded.`);
    }
  }
  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        className="btn-secondary"
        onClick={download}
        disabled={state === "busy"}
        aria-busy={state === "busy"}
      >
        {state === "busy" && (
          <span
            className="h-4 w-4 animate-spin rounded-full border-2 border-slate-400 border-t-transparent"
            aria-hidden="true"
          />
        )}
        {state === "busy" ? c.busy : c.label}
      </button>
      <span
        role="status"
        aria-live="polite"
        className={`text-sm ${state === "error" ? "text-red-700" : "text-slate-600"}`}
      >
        {message}
      </span>
    </span>
  );
}
