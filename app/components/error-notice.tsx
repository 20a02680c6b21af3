"use client";

import Link from "next/link";

/**
 * What every unexpected error shows: that it is ours, what to do, and a reference that the
 * server log carries beside the request id (see onRequestError in instrumentation.ts).
 */
export function ErrorNotice({ digest, reset }: { digest?: string; reset: () => void }) {
  return (
    <div className="card mx-auto max-w-lg p-8" role="alert">
      <h1 className="page-title">Something went wrong on our side</h1>
      <p className="mt-2 text-slate-700">
        The page could not be shown. Nothing you saved is lost. Try again; if it keeps failing, tell an administrator
        and give them the reference below, so they can find what happened.
      </p>
      {digest && (
        <p className="mt-4 text-sm text-slate-700">
          Reference:{" "}
          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono" data-testid="error-reference">
            {digest}
          </code>
        </p>
      )}
      <div className="mt-6 flex flex-wrap gap-3">
        <button type="button" className="btn-primary" onClick={reset}>
          Try again
        </button>
        <Link href="/" className="btn-secondary">
          Back to the start page
        </Link>
      </div>
    </div>
  );
}
