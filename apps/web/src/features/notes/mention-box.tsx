"use client";

import { useId, useRef, type ComponentProps, type KeyboardEvent } from "react";
import { TextArea } from "~/ui/inputs";
import { MentionPicker } from "./mention-picker";
import { useMentionBox } from "./use-mention-box";
import styles from "./notes.module.css";

type BoxProps = Omit<
  ComponentProps<typeof TextArea>,
  "value" | "onChange" | "onSelect" | "onKeyDown" | "role" | "ref"
>;

/**
 * A note's text box with the `@` colleague picker (a combobox: focus stays in the box, ↑ ↓ move, Enter
 * or Tab picks, Escape closes the list). Writing a note and editing one use the same box. Keys the
 * picker does not take go to `onKey` (Enter to send, Escape to cancel an edit).
 */
export function MentionBox({
  text,
  setText,
  onKey,
  ...props
}: BoxProps & {
  text: string;
  setText: (text: string) => void;
  onKey?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
}) {
  const pickerId = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const mentions = useMentionBox(text, setText, box);
  return (
    <div className={styles.boxWrap}>
      <TextArea
        {...props}
        ref={box}
        value={text}
        onChange={(e) => mentions.onInput(e.target)}
        onSelect={(e) => mentions.onCaret(e.currentTarget)}
        onKeyDown={(event) => {
          if (!mentions.onKeyDown(event)) onKey?.(event);
        }}
        role="combobox"
        aria-expanded={mentions.open}
        aria-controls={mentions.open ? pickerId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={
          mentions.open && mentions.options.length > 0
            ? `${pickerId}-${mentions.active}`
            : undefined
        }
      />
      {mentions.open && (
        <MentionPicker
          id={pickerId}
          options={mentions.options}
          active={mentions.active}
          onPick={mentions.pick}
        />
      )}
    </div>
  );
}
