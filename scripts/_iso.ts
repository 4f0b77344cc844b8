import { startAuthListener } from "../lib/forward-auth/auth-listener";
import {
  buildSnapshot,
  signTestToken,
  testContext,
  testKey,
} from "../lib/forward-auth/test-support";

const key = testKey();
const snapshot = buildSnapshot({
  apps: [{ name: "whoami", rules: [{ prefix: "" }, { prefix: "/public", access: "public" }] }],
});
const ctx = testContext(snapshot, key);
const token = await signTestToken("t1", key);
await startAuthListener({ authPort: 39001, authHost: "127.0.0.1" }, () => ({
  ...ctx.ctx,
  touch: () => {},
}));
console.log(token);
process.on("SIGINT", () => process.exit(0));
