import { z } from "zod";

/** What the public chat pages may know about an agent: never prompts, sources or settings. */
export const agentCardSchema = z.object({
  agentId: z.string(),
  displayName: z.string(),
  clinicName: z.string().nullable(),
  specialty: z.string().nullable(),
  languages: z.array(z.string()),
});
export type AgentCard = z.infer<typeof agentCardSchema>;

const profileShape = z
  .object({
    doctor_display_name: z.string().optional(),
    clinic_display_name: z.string().optional(),
    specialty: z.string().optional(),
    languages: z.array(z.string()).optional(),
  })
  .partial();

export function toAgentCard(agentId: string, config: Record<string, unknown>): AgentCard {
  const profile = profileShape.safeParse(config.profile);
  const p = profile.success ? profile.data : {};
  const clean = (s: string | undefined) => (s && s.trim() !== "" ? s.trim() : null);
  return {
    agentId,
    displayName: clean(p.doctor_display_name) ?? clean(p.clinic_display_name) ?? agentId,
    clinicName: clean(p.clinic_display_name),
    specialty: clean(p.specialty),
    languages: p.languages ?? [],
  };
}
