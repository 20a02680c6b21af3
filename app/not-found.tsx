import Link from "next/link";

export default function NotFound() {
  return (
    <div className="card mx-auto max-w-lg p-8">
      <h1 className="page-title">Not found</h1>
      <p className="mt-2 text-slate-700">
        There is nothing at this address, or it is not yours to see. Check the link, or start again from the list.
      </p>
      <Link href="/" className="btn-secondary mt-6">
        Back to the start page
      </Link>
    </div>
  );
}
