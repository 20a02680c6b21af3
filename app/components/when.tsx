/** "12 Mar 2025, 14:05 UTC": a moment as the app shows it, in UTC so server and browser agree. */
export const formatWhen = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** "12 Mar 2025": a day. */
export const formatDay = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function When({ iso, day = false }: { iso: string; day?: boolean }) {
  return <time dateTime={iso}>{day ? formatDay(iso) : formatWhen(iso)}</time>;
}
