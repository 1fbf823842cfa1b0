import { AuditLog } from "~/features/audit/audit-log";
import { auditFiltersFromParams } from "~/features/audit/audit-filters";

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <AuditLog initialFilters={auditFiltersFromParams(await searchParams)} />;
}
