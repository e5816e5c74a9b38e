import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: keep test files from fighting over them (CLI tests spawn processes too).
    maxWorkers: 2,
    reporters: ["default"],
  },
});
