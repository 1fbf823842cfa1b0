"use client";

// TEMPORARY (branch web/chanplay only): the agents helper builds the real agent page. This stand-in
// renders the channels and playground tabs so their end-to-end test can run on this branch.
import Link from "next/link";
import { useParams, useSearchParams } from "next/navigation";
import { AgentChannels } from "../../../../components/admin/channels/agent-channels";
import { AgentPlayground } from "../../../../components/admin/playground/agent-playground";
import { trpc } from "../../../../lib/trpc";

export default function AgentPage() {
  const { agentId } = useParams<{ agentId: string }>();
  const tab = useSearchParams().get("tab") === "playground" ? "playground" : "channels";
  const agent = trpc.agents.byId.useQuery({ agentId });
  return (
    <div>
      <h1>{agentId}</h1>
      <nav>
        <Link href={`?tab=channels`}>channels</Link> ·{" "}
        <Link href={`?tab=playground`}>playground</Link>
      </nav>
      {tab === "channels" ? (
        <AgentChannels agentId={agentId} />
      ) : agent.data ? (
        <AgentPlayground agentId={agentId} config={agent.data.config} />
      ) : (
        <p>{agent.error?.message ?? "…"}</p>
      )}
    </div>
  );
}
