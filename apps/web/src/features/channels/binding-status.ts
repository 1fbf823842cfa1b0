import { tokenLife, tokenNeedsAttention } from "./token-life";
import type { Binding, BindingHealth } from "./types";

export type BindingState = "active" | "unverified" | "error" | "inactive";

/**
 * One badge per binding: inactive wins, then an error to look at (a recorded one, or deliveries refused
 * for want of a secret), then whether it was ever verified.
 */
export function bindingState(binding: Binding, health?: BindingHealth): BindingState {
  if (!binding.isActive) return "inactive";
  if (health?.lastError ?? binding.lastError) return "error";
  if (binding.webhookSecrets?.deliveries === "refused") return "error";
  if (health && tokenNeedsAttention(tokenLife(health, Date.now()))) return "error";
  if (!binding.isVerified) return "unverified";
  return "active";
}

/** Health rows by binding id (the health call returns one per binding of the agent). */
export function healthById(items: readonly BindingHealth[] | undefined) {
  return new Map((items ?? []).map((item) => [item.bindingId, item]));
}
