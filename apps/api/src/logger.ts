import { currentLogContext } from "./observability/log-context";

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * JSON lines in production (log shippers parse them), readable lines elsewhere. Callers pass ids and
 * counts, never message text: customer messages are personal data (reference §7 item 28).
 */
export function createLogger(options: {
  json: boolean;
  level: LogLevel;
  base?: Record<string, unknown>;
  write?: (line: string) => void;
}): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(line + "\n"));
  const base = options.base ?? {};
  const emit = (level: LogLevel, message: string, fields: Record<string, unknown> = {}) => {
    if (order[level] < order[options.level]) return;
    // The request/turn/job ids of the work under way, so its lines can be found together.
    const all: Record<string, unknown> = { ...base, ...currentLogContext(), ...fields };
    for (const [key, value] of Object.entries(all)) {
      if (value instanceof Error) all[key] = { name: value.name, message: value.message };
    }
    if (options.json) {
      write(JSON.stringify({ time: new Date().toISOString(), level, message, ...all }));
    } else {
      const extra = Object.keys(all).length > 0 ? " " + JSON.stringify(all) : "";
      write(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${extra}`);
    }
  };
  return {
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
    child: (fields) => createLogger({ ...options, base: { ...base, ...fields } }),
  };
}

export const silentLogger: Logger = createLogger({ json: false, level: "error", write: () => {} });
