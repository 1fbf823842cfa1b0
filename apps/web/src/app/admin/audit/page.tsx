import { AuditLog } from "../../../components/admin/audit/audit-log";
import { auditFiltersFromParams } from "../../../lib/admin/audit/audit-filters";

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <AuditLog initialFilters={auditFiltersFromParams(await searchParams)} />;
}
