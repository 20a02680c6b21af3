import Link from "next/link";

export default function Unauthorized() {
  return (
    <div className="card mx-auto max-w-lg p-8">
      <h1 className="page-title">Sign in required</h1>
      <p className="mt-2 text-slate-700">Your session has ended or is no longer valid. Sign in again to continue.</p>
      <Link href="/sign-in" className="btn-primary mt-6">
        Sign in
      </Link>
    </div>
  );
}
