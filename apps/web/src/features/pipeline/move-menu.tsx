"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { menuFocusTarget } from "./menu-placement";
import { useMenuPlacement } from "./use-menu-placement";
import type { PipelineStage } from "~/features/console/types";
import styles from "./pipeline.module.css";

/**
 * The keyboard (and touch) way to move a card: a menu button, not a <select>, because arrowing through
 * a closed select fires a change, and here every change is a move.
 */
export function MoveMenu({
  stages,
  label,
  buttonText,
  disabled,
  onChoose,
}: {
  stages: readonly PipelineStage[];
  label: string;
  buttonText: string;
  disabled: boolean;
  onChoose: (stageId: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const placement = useMenuPlacement(open, button, menu);

  // A hidden (not yet placed) menu cannot take focus.
  const placed = placement !== null;
  useEffect(() => {
    if (open && placed) menu.current?.querySelector<HTMLButtonElement>("button")?.focus();
  }, [open, placed]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    const index = items.findIndex((item) => item === document.activeElement);
    const target = menuFocusTarget(event.key, index, items.length);
    if (target !== null) {
      event.preventDefault();
      items[target]?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "Tab") {
      close(false);
    }
  };

  return (
    <div
      className={styles.moveMenu}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={styles.moveButton}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            setOpen(true);
          }
        }}
        data-testid="pipeline-card-move"
      >
        {buttonText} ▾
      </button>
      {open && (
        <ul
          ref={menu}
          role="menu"
          aria-label={label}
          className={styles.menu}
          style={placement ?? { visibility: "hidden" }}
          data-opens={placement?.bottom !== undefined ? "up" : "down"}
          onKeyDown={onMenuKey}
        >
          {stages.map((stage) => (
            <StageItem
              key={stage.id}
              stage={stage}
              onChoose={() => {
                close(true);
                onChoose(stage.id);
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function StageItem({ stage, onChoose }: { stage: PipelineStage; onChoose: () => void }) {
  return (
    <li role="none">
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        onClick={onChoose}
        data-testid="pipeline-card-move-to"
        data-stage={stage.id}
      >
        <span className={styles.dot} style={{ background: stage.color }} aria-hidden />
        {stage.name}
      </button>
    </li>
  );
}
