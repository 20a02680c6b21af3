import type { Metadata } from "next";
import { CuratedEditPage } from "../../curated/pages";

export const metadata: Metadata = { title: "Edit party" };
export const dynamic = "force-dynamic";

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  return <CuratedEditPage kind="party" id={(await params).id} done={(await searchParams).done} />;
}
