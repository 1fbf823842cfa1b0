"use client";

import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { placeMenu, type MenuPlacement } from "./menu-placement";
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
  const [placement, setPlacement] = useState<MenuPlacement | null>(null);

  // Fixed to the viewport, so the board's horizontal scroller cannot clip the last cards' menus.
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const anchor = button.current?.getBoundingClientRect();
      const list = menu.current;
      if (!anchor || !list) return;
      const root = document.documentElement;
      setPlacement(
        placeMenu(
          anchor,
          { width: list.offsetWidth, height: list.scrollHeight },
          { width: root.clientWidth, height: root.clientHeight },
        ),
      );
    };
    place();
    window.addEventListener("resize", place);
    window.addEventListener("scroll", place, { capture: true, passive: true });
    return () => {
      window.removeEventListener("resize", place);
      window.removeEventListener("scroll", place, { capture: true });
    };
  }, [open]);

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
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        focus(index + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        focus(index - 1);
        break;
      case "Home":
        event.preventDefault();
        focus(0);
        break;
      case "End":
        event.preventDefault();
        focus(items.length - 1);
        break;
      case "Escape":
        event.preventDefault();
        close(true);
        break;
      case "Tab":
        close(false);
        break;
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
            <li key={stage.id} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  close(true);
                  onChoose(stage.id);
                }}
                data-testid="pipeline-card-move-to"
                data-stage={stage.id}
              >
                <span className={styles.dot} style={{ background: stage.color }} aria-hidden />
                {stage.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
