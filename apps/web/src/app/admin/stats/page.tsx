import { StatsDashboard } from "../../../components/admin/stats/stats-dashboard";
import { statsViewFromParams } from "../../../lib/admin/stats/stats-query";

export default async function StatsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <StatsDashboard initialView={statsViewFromParams(await searchParams)} />;
}
