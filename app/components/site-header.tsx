import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-ink text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="font-serif text-xl font-semibold tracking-wide">
          Chancery
        </Link>
        <nav aria-label="Main" className="flex items-center gap-5 text-sm">
          <Link href="/" className="hover:underline">Countries</Link>
        </nav>
      </div>
    </header>
  );
}
