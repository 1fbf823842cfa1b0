import type { CallMetrics } from "../providers/types";
import { evaluateRules } from "../rules/evaluate-rules";
import { detectCustomerLanguage } from "../rules/language";
import { isWithinWorkingHours } from "../rules/working-hours";
import { consoleTurnLogger } from "./log-fields";
import type { ModerationVerdict } from "./moderation-step";
import type { TurnDeps, TurnInput, TurnLogger, TurnResult } from "./types";

/** What one turn knows before any model call: the cleaned messages, language, rules and the tallies. */
export interface TurnState {
  input: TurnInput;
  config: TurnInput["config"];
  agentId: TurnInput["agentId"];
  logger: TurnLogger;
  signal: AbortSignal;
  now: Date;
  startedAt: number;
  messages: string[];
  text: string;
  language: ReturnType<typeof detectCustomerLanguage>;
  rules: ReturnType<typeof evaluateRules>;
  open: boolean;
  steps: CallMetrics[];
  flags: TurnResult["flags"];
  // Input moderation's verdict, once in (it may arrive while the chat call streams).
  inputCheck: { verdict: ModerationVerdict | null };
  moderating: { agentId: TurnInput["agentId"]; logger: TurnLogger; signal: AbortSignal };
  postModeration: boolean;
}

export function turnState(input: TurnInput, deps: TurnDeps, signal: AbortSignal): TurnState {
  const startedAt = performance.now();
  const { config, agentId } = input;
  const logger = deps.logger ?? consoleTurnLogger;
  const now = input.now ?? new Date();
  const messages = input.messages
    .map((message) => message.trim())
    .filter((message) => message !== "");
  const earlier = input.history
    .filter((message) => message.role === "user")
    .map((message) => message.content);
  const language = detectCustomerLanguage(messages, earlier, config.profile.languages);
  const text = messages.join("\n");
  const rules = evaluateRules(config, text);
  const open = isWithinWorkingHours(config, now);
  return {
    input,
    config,
    agentId,
    logger,
    signal,
    now,
    startedAt,
    messages,
    text,
    language,
    rules,
    open,
    steps: [],
    flags: { offline: deps.providers.offline, ...(open ? {} : { afterHours: true }) },
    inputCheck: { verdict: null },
    moderating: { agentId, logger, signal },
    postModeration: config.moderation.enabled && config.moderation.mode !== "pre",
  };
}
