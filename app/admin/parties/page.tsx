import type { Metadata } from "next";
import { ReferenceListPage } from "../reference-data/pages";

export const metadata: Metadata = { title: "Parties" };
export const dynamic = "force-dynamic";

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <ReferenceListPage kind="party" searchParams={await searchParams} />;
}
