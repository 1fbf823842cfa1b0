let context: AudioContext | null = null;

/**
 * Browsers start audio only after a user gesture on the page: calling this from a click unlocks it,
 * later beeps from events then play.
 */
export function unlockAlertSound(): void {
  if (typeof window === "undefined" || typeof window.AudioContext !== "function") return;
  context ??= new window.AudioContext();
  void context.resume().catch(() => undefined);
}

/** A short 800 Hz beep (what the reference console played on escalation). */
export function playAlertSound(): void {
  unlockAlertSound();
  if (!context || context.state !== "running") return;
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = "sine";
  oscillator.frequency.value = 800;
  gain.gain.setValueAtTime(0.2, context.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 0.25);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start();
  oscillator.stop(context.currentTime + 0.25);
}
