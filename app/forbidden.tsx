import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="card mx-auto max-w-lg p-8">
      <h1 className="page-title">Not allowed</h1>
      <p className="mt-2 text-slate-700">
        Your account does not have permission to do that. Administrators manage facts, sources and users; a
        briefing&apos;s owner decides who may view or edit it. If you need access, ask them.
      </p>
      <Link href="/" className="btn-secondary mt-6">
        Back to the start page
      </Link>
    </div>
  );
}
