export interface Setting<T = unknown> {
  key: string;
  value: T;
  version: number;
  updatedAt: string;
}
