/** Injectable clock: repositories never call `new Date()` directly, so tests can move time. */
export type Now = () => Date;

export const systemNow: Now = () => new Date();
