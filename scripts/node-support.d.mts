export const END_OF_LIFE: Record<number, string>;
export function engineMinimum(range: string): string;
export interface NodeSupport {
  ok: boolean;
  message?: string;
}
export function nodeSupport(input: {
  version: string;
  minimum: string;
  lts: string;
  today?: Date;
}): NodeSupport;
export function checkThisNode(root: string, today?: Date): NodeSupport;
