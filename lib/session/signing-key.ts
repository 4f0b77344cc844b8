import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { processSingleton } from "../process/process-singleton";

/**
 * The session signing key: 32 random bytes made at first start and kept in
 * the data folder with mode 0600. Never in the repository, never in a log.
 */
export function loadSigningKey(dataDir: string): Uint8Array {
  return processSingleton("signing-key", () => readOrMakeKey(dataDir));
}

function readOrMakeKey(dataDir: string): Uint8Array {
  const file = path.join(dataDir, "session-key");
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    // "wx" fails if the file exists, so two processes starting at once
    // cannot each write a different key.
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const hex = fs.readFileSync(file, "utf8").trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`The session key in ${file} is damaged`);

  return Buffer.from(hex, "hex");
}
