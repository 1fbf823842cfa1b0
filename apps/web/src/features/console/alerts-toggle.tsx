"use client";

import { useT } from "~/i18n/i18n-provider";
import { useAlertSettings } from "./escalation-alerts";
import { Button } from "~/ui/button";

/** Turns escalation sound + notifications on (asking the browser's permission) or mutes them. */
export function AlertsToggle() {
  const { muted, permission, setMuted, enable } = useAlertSettings();
  const t = useT("common").alerts;
  if (!muted && permission === "default") {
    return (
      <Button size="sm" onClick={enable} data-testid="alerts-enable">
        {t.enable}
      </Button>
    );
  }
  return (
    <Button
      size="sm"
      aria-pressed={!muted}
      onClick={() => (muted ? enable() : setMuted(true))}
      data-testid="alerts-toggle"
      title={permission === "denied" ? t.blocked : undefined}
    >
      {muted ? t.muted : t.on}
    </Button>
  );
}
