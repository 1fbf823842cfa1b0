// The card moved to domain/agents/agent-card.ts (domain code must not import routers); this re-export
// keeps the imports of files another branch is changing until they point there.
export * from "../domain/agents/agent-card";
