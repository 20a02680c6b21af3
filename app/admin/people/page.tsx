import type { Metadata } from "next";
import { CuratedListPage } from "../curated/pages";

export const metadata: Metadata = { title: "People" };
export const dynamic = "force-dynamic";

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <CuratedListPage kind="person" searchParams={await searchParams} />;
}
