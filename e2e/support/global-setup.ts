import fs from "node:fs";
import { startConsole } from "./console-process";
import { e2eEnv } from "./env";

export default async function globalSetup(): Promise<void> {
  fs.rmSync(e2eEnv.workDir, { recursive: true, force: true });
  fs.mkdirSync(e2eEnv.workDir, { recursive: true });
  const info = await startConsole();
  fs.writeFileSync(e2eEnv.statePath, JSON.stringify(info, null, 2));
}
