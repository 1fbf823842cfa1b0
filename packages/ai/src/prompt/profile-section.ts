import type { AgentConfig } from "@agents-crm/config/agent-config";
import { oneLine } from "./blocks";

/** Line labels the offline model reads back; keep them in sync with `offline/read-prompt.ts`. */
export const PROFILE_HEADING = "## Profile";
export const PROFILE_LABELS = {
  doctor: "Doctor",
  clinic: "Clinic",
  specialty: "Specialty",
  languages: "Languages",
};

export function profileSection(config: AgentConfig): string {
  const {
    doctor_display_name: doctor,
    clinic_display_name: clinic,
    specialty,
    languages,
  } = config.profile;
  const lines = [
    PROFILE_HEADING,
    `${PROFILE_LABELS.doctor}: ${oneLine(doctor)}`,
    `${PROFILE_LABELS.clinic}: ${oneLine(clinic)}`,
  ];
  if (specialty.trim()) lines.push(`${PROFILE_LABELS.specialty}: ${oneLine(specialty)}`);
  if (languages.length > 0)
    lines.push(`${PROFILE_LABELS.languages}: ${languages.map(oneLine).join(", ")}`);
  const fallback = languages[0] ? ` If you cannot, reply in "${oneLine(languages[0])}".` : "";
  lines.push(
    `Always reply in the customer's language (customer_language in <turn_context> tells you which one).${fallback}`,
  );
  return lines.join("\n");
}
