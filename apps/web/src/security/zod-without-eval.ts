import { z } from "zod";

// zod 4 probes `new Function("")` once to pick its compiled fast path; under our CSP (no 'unsafe-eval')
// the probe fails harmlessly but the browser still reports a securitypolicyviolation. jitless skips
// the probe and validates without compiling.
z.config({ jitless: true });
