// Runs `prisma generate` on a fresh clone. The Prisma CLI wants its native schema engine on disk even
// though generating the client does not use it; where npm ran no install scripts (or the engine cannot be
// downloaded) any existing file satisfies that check. Where the engine is present, nothing is overridden.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const enginesDir = path.join(root, "node_modules", "@prisma", "engines");
const hasEngine = fs.existsSync(enginesDir) && fs.readdirSync(enginesDir).some((f) => f.startsWith("schema-engine"));
const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasEngine) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;

const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
const result = spawnSync(process.execPath, [cli, "generate"], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
