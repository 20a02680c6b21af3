import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";

/**
 * Runs a data-layer read for a page; "not found or not yours" becomes Next's 404 page. Async,
 * and awaiting the read, so a rejected query is caught too (a sync wrapper would let it pass).
 */
export async function orNotFound<T>(read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
