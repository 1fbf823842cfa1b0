import { StatsDashboard } from "~/features/stats/stats-dashboard";
import { statsViewFromParams } from "~/features/stats/stats-query";

export default async function StatsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <StatsDashboard initialView={statsViewFromParams(await searchParams)} />;
}
