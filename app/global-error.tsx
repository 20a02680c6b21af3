"use client";

import { ErrorNotice } from "./components/error-notice";
import { fontVariables } from "./fonts";
import "./globals.css";

/** An error in the root layout itself: it replaces the whole document, so it brings its own. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB" className={fontVariables}>
      <body className="min-h-screen">
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
          <ErrorNotice digest={error.digest} reset={reset} />
        </main>
      </body>
    </html>
  );
}
