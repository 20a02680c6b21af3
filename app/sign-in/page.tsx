import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { demoAccountsActive } from "@/db/queries/users/demo-accounts-active";
import { signInQuerySchema } from "@/lib/auth/callback-url";
import { currentActor } from "@/app/_request/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { callbackUrl } = signInQuerySchema.parse(await searchParams);
  if (await currentActor()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-md">
      <div className="card p-8">
        <h1 className="page-title">Sign in to Chancery</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">
          Country briefings for staff. Use the account your administrator gave you.
        </p>
        <SignInForm callbackUrl={callbackUrl} />
      </div>
      {(await demoAccountsActive()) && (
        <aside
          className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
          aria-label="Demo accounts"
        >
          <p className="font-medium">Demo accounts are active.</p>
          <p className="mt-1">
            This installation still has demo accounts with their published passwords (see README.md). An administrator
            should change their passwords or disable them before real use.
          </p>
        </aside>
      )}
    </div>
  );
}
