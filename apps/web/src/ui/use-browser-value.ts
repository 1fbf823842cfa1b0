"use client";

import { useSyncExternalStore } from "react";

const unchanging = () => () => undefined;

/**
 * A value only the browser knows (its time zone, its origin, whether it is in a frame): `onServer`
 * while rendering on the server and hydrating, then the browser's, without an effect's extra pass.
 * `read` must return the same value while nothing changed (a string, a boolean…).
 */
export function useBrowserValue<T>(read: () => T, onServer: T): T {
  return useSyncExternalStore(unchanging, read, () => onServer);
}
