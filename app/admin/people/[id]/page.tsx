import type { Metadata } from "next";
import { ReferenceEditPage } from "../../reference-data/pages";
import { RolesSection } from "../roles/roles-section";

export const metadata: Metadata = { title: "Edit person" };
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
      <ReferenceEditPage kind="person" id={id} done={(await searchParams).done} />
      {id !== "new" && <RolesSection personId={id} />}
    </div>
  );
}
