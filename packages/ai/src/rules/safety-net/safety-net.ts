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
// Compiled once per tuning, keyed by its content: a playground draft is parsed again on every turn.
const tunedNets = new Map<string, CompiledNet>();
const MAX_TUNED_NETS = 100;

function isTuned(config: AgentConfig): boolean {
  const { categories } = config.escalation.safety_net;
  return SAFETY_NET_CATEGORIES.some((category) => {
    const tuning = categories[category];
    return !tuning.enabled || tuning.extra_keywords.length > 0 || tuning.ignore_keywords.length > 0;
  });
}

function netFor(config: AgentConfig): CompiledNet {
  if (!isTuned(config)) return (builtIn ??= compileNet(null));
  const { categories } = config.escalation.safety_net;
  const key = JSON.stringify(
    SAFETY_NET_CATEGORIES.map((category) => {
      const { enabled, extra_keywords: extra, ignore_keywords: ignore } = categories[category];
      return [enabled, extra, ignore];
    }),
  );
  let net = tunedNets.get(key);
  if (!net) {
    net = compileNet(categories);
    if (tunedNets.size >= MAX_TUNED_NETS) tunedNets.delete(tunedNets.keys().next().value!);
    tunedNets.set(key, net);
  }
  return net;
}

/**
 * The built-in clinical safety net: medication, symptoms, pregnancy, test results, children's
 * symptoms, urgent situations and abuse, in English, Russian and Arabic. Deterministic, runs on every
 * customer message with or without a model; most severe category first.
 *
 * Policy: a message hands over when the customer describes their own (or a relative's) condition, asks
 * about a medicine or a dose, says they are pregnant or breastfeeding, asks to read a result or an
 * image, or insults or threatens. Questions about a service stay with the agent even when they use the
 * same words: prices, hours, address, insurance, "do you treat children?", "does whitening hurt?",
 * "painless…", "how much is an x-ray?". A child's word alone is not a symptom; with one it is.
 */
export function runSafetyNet(config: AgentConfig, text: string): SafetyNetHit[] {
  return matchNet(netFor(config), text).map(({ category, words }) => ({
    category,
    type: SAFETY_NET_TYPES[category],
    words,
  }));
}
