import { PipelineBoard } from "~/features/pipeline/pipeline-board";
import { boardFiltersFromParams } from "~/features/pipeline/board-filters";

export default async function PipelinePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <PipelineBoard initialFilters={boardFiltersFromParams(await searchParams)} />;
}
