import type { Metadata } from "next";
import { CuratedListPage } from "../curated/pages";

export const metadata: Metadata = { title: "Topics" };
export const dynamic = "force-dynamic";

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <CuratedListPage kind="topic" searchParams={await searchParams} />;
}
