"use client";

import type { Mentionable } from "@agents-crm/config/notes";
import { useT } from "~/i18n/i18n-provider";
import styles from "./notes.module.css";

/** The colleagues matching the `@query` being typed (names containing it, starts of words first). */
export function matchingStaff(staff: readonly Mentionable[], query: string): Mentionable[] {
  const needle = query.trim().toLowerCase();
  const rank = (name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith(needle)) return 0;
    if (lower.split(/\s+/).some((word) => word.startsWith(needle))) return 1;
    return lower.includes(needle) ? 2 : 3;
  };
  return staff
    .map((member) => ({ member, rank: rank(member.name) }))
    .filter((entry) => entry.rank < 3)
    .sort((a, b) => a.rank - b.rank || a.member.name.localeCompare(b.member.name))
    .slice(0, 8)
    .map((entry) => entry.member);
}

/**
 * The suggestions under the note box. Focus stays in the box (a combobox): the arrow keys move the
 * active option, Enter or Tab picks it, Escape closes; a click picks too.
 */
export function MentionPicker({
  id,
  options,
  active,
  onPick,
}: {
  id: string;
  options: readonly Mentionable[];
  active: number;
  onPick: (member: Mentionable) => void;
}) {
  const t = useT("notes").mentions;
  return (
    <ul
      id={id}
      role="listbox"
      aria-label={t.label}
      className={styles.picker}
      data-testid="mention-picker"
    >
      {options.length === 0 && <li className={styles.pickerEmpty}>{t.none}</li>}
      {options.map((member, index) => (
        <li
          key={member.userId}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === active}
          className={styles.pickerOption}
          // mousedown, not click: the box must not lose focus first.
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(member);
          }}
        >
          @{member.name}
        </li>
      ))}
    </ul>
  );
}
