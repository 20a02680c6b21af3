import type { Metadata } from "next";
import { CuratedListPage } from "../curated/pages";

export const metadata: Metadata = { title: "Parties" };
export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  return <CuratedListPage kind="party" done={(await searchParams).done} />;
}
