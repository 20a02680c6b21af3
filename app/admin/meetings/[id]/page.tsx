import type { Metadata } from "next";
import { ReferenceEditPage } from "../../reference-data/pages";
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
      <ReferenceEditPage kind="meeting" id={id} done={(await searchParams).done} />
      {id !== "new" && <MeetingLinks id={id} />}
    </div>
  );
}
