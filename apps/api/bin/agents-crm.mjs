#!/usr/bin/env node
// `npx agents-crm …` from the repository: npm links this workspace's bin at the root. The CLI is
// TypeScript run through tsx, like the repository's other scripts (npm run db:provision, …).
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
