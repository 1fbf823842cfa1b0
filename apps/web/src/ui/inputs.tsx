"use client";

import type { ComponentProps } from "react";
import { useFieldControl } from "./field";
import styles from "./inputs.module.css";

/** sm: inside a table row; md: forms and filters; lg: a form of one or two fields (sign-in, reply). */
export type ControlSize = "sm" | "md" | "lg";

const controlClass = (size: ControlSize, className: string | undefined) =>
  [styles.control, styles[size], className].filter(Boolean).join(" ");

export function TextInput({
  size = "md",
  className,
  ...props
}: Omit<ComponentProps<"input">, "size"> & { size?: ControlSize }) {
  return <input className={controlClass(size, className)} {...props} {...useFieldControl(props)} />;
}

export function TextArea({
  size = "md",
  className,
  ...props
}: ComponentProps<"textarea"> & { size?: ControlSize }) {
  return (
    <textarea className={controlClass(size, className)} {...props} {...useFieldControl(props)} />
  );
}

export function Select({
  size = "md",
  className,
  ...props
}: Omit<ComponentProps<"select">, "size"> & { size?: ControlSize }) {
  return (
    <select className={controlClass(size, className)} {...props} {...useFieldControl(props)} />
  );
}
