/** Types for own-health.mjs (plain JavaScript: server.mjs runs without a build step). */
import type { IncomingMessage, ServerResponse } from "node:http";
export const WEB_HEALTH_PATH: string;
export function isWebHealthPath(url?: string): boolean;
export function answerWebHealth(req: IncomingMessage, res: ServerResponse): void;
