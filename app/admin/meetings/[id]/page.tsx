import type { Metadata } from "next";
import { CuratedEditPage } from "../../curated/pages";
import { MeetingLinks } from "../meeting-links";

export const metadata: Metadata = { title: "Edit meeting" };
export const dynamic = "force-dynamic";

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { id } = await params;
  return (
    <div className="space-y-8">
      <CuratedEditPage kind="meeting" id={id} done={(await searchParams).done} />
      {id !== "new" && <MeetingLinks id={id} />}
    </div>
  );
}
