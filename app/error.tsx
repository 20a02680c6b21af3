"use client";

import { ErrorNotice } from "./components/error-notice";

/** An unexpected error inside the layout: the header stays, the page says what to do. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice digest={error.digest} reset={reset} />;
}
