import type { Metadata } from "next";
import { ReferenceListPage } from "../reference-data/pages";

export const metadata: Metadata = { title: "People" };
export const dynamic = "force-dynamic";

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <ReferenceListPage kind="person" searchParams={await searchParams} />;
}
