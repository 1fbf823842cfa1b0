/** Types for fetch-node.mjs (plain JavaScript: CI runs it before `npm ci`). */
export function imageNodeVersion(dockerfile?: string): string;
export function nodePackageName(platform?: string, arch?: string): string;
export function fetchNode(version?: string, log?: (line: string) => void): string;
