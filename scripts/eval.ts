// `npm run eval`: the labelled conversations through the configured model, scored (packages/ai/eval/).
import { main, USAGE } from "../packages/ai/eval/cli";

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error(USAGE);
    process.exit(1);
  },
);
