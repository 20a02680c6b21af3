import type { Metadata } from "next";
import { CuratedListPage } from "../curated/pages";

export const metadata: Metadata = { title: "Parties" };
export const dynamic = "force-dynamic";

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <CuratedListPage kind="party" searchParams={await searchParams} />;
}
