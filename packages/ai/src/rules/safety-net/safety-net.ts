import {
  SAFETY_NET_CATEGORIES,
  SAFETY_NET_TYPES,
  type AgentConfig,
  type SafetyNetCategory,
} from "@agents-crm/config/agent-config";
import type { EscalationType } from "../../prompt/output-contract";
import { compileNet, type CompiledNet } from "./compile-net";
import { matchNet } from "./match-net";

export interface SafetyNetHit {
  category: SafetyNetCategory;
  type: Exclude<EscalationType, "none">;
  /** The message's words that decided it, as the customer wrote them (case and look-alikes folded). */
  words: string[];
}

let builtIn: CompiledNet | null = null;
// Compiled once per config object (configs are immutable once parsed); an untuned agent shares one net.
const netByConfig = new WeakMap<AgentConfig, CompiledNet>();

function isTuned(config: AgentConfig): boolean {
  const { categories } = config.escalation.safety_net;
  return SAFETY_NET_CATEGORIES.some((category) => {
    const tuning = categories[category];
    return !tuning.enabled || tuning.extra_keywords.length > 0 || tuning.ignore_keywords.length > 0;
  });
}

function netFor(config: AgentConfig): CompiledNet {
  if (!isTuned(config)) return (builtIn ??= compileNet(null));
  let net = netByConfig.get(config);
  if (!net) {
    net = compileNet(config.escalation.safety_net.categories);
    netByConfig.set(config, net);
  }
  return net;
}

/**
 * The built-in clinical safety net: medication, symptoms, pregnancy, test results, children's
 * symptoms, urgent situations and abuse, in English, Russian and Arabic. Deterministic, runs on every
 * customer message with or without a model; most severe category first.
 */
export function runSafetyNet(config: AgentConfig, text: string): SafetyNetHit[] {
  return matchNet(netFor(config), text).map(({ category, words }) => ({
    category,
    type: SAFETY_NET_TYPES[category],
    words,
  }));
}
