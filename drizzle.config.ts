import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/modules/*/*.tables.ts', './server/platform/*/*.tables.ts'],
  out: './server/migrations',
  casing: 'snake_case',
});
