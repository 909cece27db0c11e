import { defineConfig } from 'vitest/config'

const jsonReport = process.env.ORG_HISTORY_TEST_REPORT

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
  },
})
