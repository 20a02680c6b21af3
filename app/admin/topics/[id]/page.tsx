import type { Metadata } from "next";
import { ReferenceEditPage } from "../../reference-data/pages";

export const metadata: Metadata = { title: "Edit topic" };
export const dynamic = "force-dynamic";

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  return <ReferenceEditPage kind="topic" id={(await params).id} done={(await searchParams).done} />;
}
