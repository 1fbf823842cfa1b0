import { AGENT_ID_PATTERN, MAX_AGENT_ID } from "@agents-crm/config/agent-config";
import type { AgentDocument } from "./document-paths";

/**
 * What the wizard starts from: the fields the schema requires plus the reference wizard's defaults, so
 * every step opens with something sensible to edit. Everything else keeps the schema's defaults.
 */
export function newAgentDocument(): AgentDocument {
  return {
    version: "1.0",
    agent_id: "",
    profile: {
      doctor_display_name: "",
      clinic_display_name: "",
      specialty: "",
      languages: ["en"],
    },
    style: {
      tone: "friendly_professional",
      formality: "semi_formal",
      empathy_level: 7,
      depth_level: 5,
      message_length: "short_to_medium",
      persuasion: "soft",
    },
    llm: { model: "gpt-4o-mini", temperature: 0.2, max_output_tokens: 600 },
    prompts: {
      system: {
        persona:
          "You are the online assistant of {clinic_display_name}, writing on behalf of {doctor_display_name} ({specialty}). " +
          "You answer questions about services, prices and opening hours, and help people book a visit.",
        hard_rules:
          "Never diagnose, prescribe or interpret tests. Medical questions go to a doctor: offer a booking or hand over.",
        goal: "Answer from the clinic's knowledge and guide people who want a visit towards leaving a phone number.",
      },
      examples: [],
    },
    rag: { enabled: true, sources: [] },
    moderation: { enabled: true, mode: "pre_and_post" },
  };
}

const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

/** "Клиника Солнце" + "Dr. Anna" → "klinika_solntse_dr_anna": a readable id that fits AGENT_ID_PATTERN. */
export function suggestAgentId(...names: string[]): string {
  const text = names
    .filter((name) => name.trim() !== "")
    .join(" ")
    .toLowerCase();
  // Transliterate first: NFKD would split "й" into "и" + a mark and lose it.
  const latin = [...text]
    .map((char) => CYRILLIC[char] ?? char)
    .join("")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  return latin
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 50)
    .replace(/_+$/, "");
}

export function isValidAgentId(id: string): boolean {
  return AGENT_ID_PATTERN.test(id);
}

/** `<id>_copy`, `<id>_copy_2`, … — the first that is not taken. */
export function cloneIdFor(agentId: string, taken: ReadonlySet<string>): string {
  const base = `${agentId}_copy`.slice(0, MAX_AGENT_ID);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, MAX_AGENT_ID - String(n).length - 1)}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
