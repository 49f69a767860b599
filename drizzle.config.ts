import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: [
    "./src/core/**/*.tables.ts",
    "./src/vault/*.tables.ts",
    "./src/audit/*.tables.ts",
    "./src/policy/*.tables.ts",
    "./src/datamap/*.tables.ts",
    "./src/modules/**/*.tables.ts",
  ],
  out: "./migrations",
});
