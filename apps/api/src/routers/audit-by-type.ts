import type { AuditEntry, ListAuditOptions, Page, Repositories } from "@agents-crm/db";
import { z } from "zod";
import { badInput } from "../trpc-errors";

const SCAN_PAGE = 100;
const MAX_SCAN_PAGES = 10;

/** Our cursor wraps the repository's: the page it started from and how many matches were taken. */
const cursorSchema = z.object({
  t: z.string(),
  c: z.string().nullable(),
  s: z.number().int().min(0),
});
type Position = z.infer<typeof cursorSchema>;

const encode = (p: Position) => Buffer.from(JSON.stringify(p), "utf8").toString("base64url");

function decode(cursor: string, resourceType: string): Position {
  try {
    const parsed = cursorSchema.parse(
      JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")),
    );
    if (parsed.t === resourceType) return parsed;
  } catch {
    // Falls through to the same error as a cursor of another list.
  }
  throw badInput("cursor", "invalid cursor: belongs to a different list");
}

/**
 * The audit table has no resource-type index, so this filters the (newest-first, append-only) listing
 * page by page. Positions stay valid because new entries only ever appear before them. At most
 * MAX_SCAN_PAGES pages are read per call; a short page with a cursor means "keep going".
 */
export async function listAuditByResourceType(
  repos: Pick<Repositories, "audit">,
  options: Omit<ListAuditOptions, "cursor" | "limit">,
  resourceType: string,
  cursor: string | null | undefined,
  limit: number,
): Promise<Page<AuditEntry>> {
  let { c, s } = cursor ? decode(cursor, resourceType) : { c: null as string | null, s: 0 };
  const items: AuditEntry[] = [];
  for (let scanned = 0; scanned < MAX_SCAN_PAGES; scanned++) {
    const page = await repos.audit.list({ ...options, cursor: c, limit: SCAN_PAGE });
    const matches = page.items.filter((e) => e.resourceType === resourceType).slice(s);
    const room = limit - items.length;
    if (matches.length > room) {
      items.push(...matches.slice(0, room));
      return { items, nextCursor: encode({ t: resourceType, c, s: s + room }) };
    }
    items.push(...matches);
    if (!page.nextCursor) return { items, nextCursor: null };
    c = page.nextCursor;
    s = 0;
    if (items.length === limit) break;
  }
  return { items, nextCursor: encode({ t: resourceType, c, s: 0 }) };
}
