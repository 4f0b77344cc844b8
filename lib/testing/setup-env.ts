import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Every test file gets its own data folder (and so its own SQLite file and
// signing key), and quiet logs. Modules read the environment lazily, so
// setting it here, before any test imports them, is enough.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-test-"));
process.env.PORTAL_DATA_DIR = dataDir;
process.env.DATABASE_URL = `file:${path.join(dataDir, "portal.db")}`;
process.env.PORTAL_URL ??= "http://portal.test:3000";
process.env.LOG_LEVEL = "silent";
