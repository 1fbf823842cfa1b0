import type { ComponentProps } from "react";
import styles from "./button.module.css";

export type ButtonVariant =
  "primary" | "secondary" | "quiet" | "danger" | "attention" | "link" | "icon";
export type ButtonSize = "sm" | "md" | "lg";

export interface ButtonLook {
  /** primary: the one main action; secondary: any other; quiet: borderless; danger: destroys
   * something; attention: answers something waiting (take over); link: inline text that acts; icon: a
   * symbol alone (×), which then needs an aria-label. */
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Fully rounded ends (the customer chat). */
  pill?: boolean;
  className?: string;
}

/** The class of a button's look, for a link drawn as a button (`<Link className={buttonClass(…)}>`). */
export function buttonClass({
  variant = "secondary",
  size = "md",
  pill = false,
  className,
}: ButtonLook = {}): string {
  return [styles.button, styles[variant], styles[size], pill && styles.pill, className]
    .filter(Boolean)
    .join(" ");
}

/** Every button of the app; `type` is "button" unless said, so no button submits a form by accident. */
export function Button({
  variant,
  size,
  pill,
  className,
  type = "button",
  ...props
}: ButtonLook & ComponentProps<"button">) {
  return (
    <button type={type} className={buttonClass({ variant, size, pill, className })} {...props} />
  );
}
