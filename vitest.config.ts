import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    setupFiles: ["lib/testing/setup-env.ts"],
    pool: "forks",
    testTimeout: 20_000,
  },
});
