import js from "@eslint/js";
import nodePlugin from "eslint-plugin-n";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/.data/**",
      "**/dist/**",
      "**/.turbo/**",
      "**/coverage/**",
      "**/next-env.d.ts",
      "bench/results/**",
      "test-results/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            "*.js",
            "*.mjs",
            "*.ts",
            "scripts/*.mjs",
            "scripts/*.ts",
            "scripts/*.d.mts",
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/only-throw-error": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Every workspace declares what it imports: a package found only through hoisting (another
    // workspace's dependency) breaks its own install, image and typecheck.
    plugins: { n: nodePlugin },
    settings: { n: { tryExtensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".json", ".d.ts"] } },
    rules: { "n/no-extraneous-import": "error", "n/no-extraneous-require": "error" },
  },
  {
    // Packages never import an app; the typed client takes only the router's type from the API.
    files: ["packages/client/src/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@agents-crm/api",
              allowTypeImports: true,
              message: "only `import type` from the API: the client must not load server code",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // The hooks rules (rules-of-hooks, exhaustive-deps) plus the React Compiler's checks that flag
    // code React may render wrongly (setState in effects, refs read during render, impure renders).
    files: ["apps/web/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      "react-hooks/exhaustive-deps": "error",
    },
  },
);
