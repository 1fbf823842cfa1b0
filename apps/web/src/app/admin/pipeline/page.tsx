import { PipelineBoard } from "../../../components/admin/pipeline/pipeline-board";
import { boardFiltersFromParams } from "../../../lib/admin/pipeline/board-filters";

export default async function PipelinePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <PipelineBoard initialFilters={boardFiltersFromParams(await searchParams)} />;
}
