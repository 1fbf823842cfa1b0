export * from "./db";
export * from "./embedded";
export * from "./open-database";
export * from "./probe";
