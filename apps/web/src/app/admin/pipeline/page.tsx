import { PipelineBoard } from "../../../components/admin/pipeline/pipeline-board";

export default function PipelinePage() {
  return <PipelineBoard />;
}
