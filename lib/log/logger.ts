import pino from "pino";
import { processSingleton } from "../process/process-singleton";

/**
 * The one structured logger. Anything that could carry a secret is redacted
 * by path, so a careless `log.info({ req })` cannot leak a cookie or a code.
 */
export function logger(): pino.Logger {
  return processSingleton("logger", () =>
    pino({
      level: process.env.LOG_LEVEL || "info",
      base: undefined,
      redact: {
        // Only the top-level "code" is a pairing code; err.code stays readable.
        paths: [
          "code",
          "token",
          "secret",
          "password",
          "cookie",
          "authorization",
          "*.token",
          "*.secret",
          "*.password",
          "*.cookie",
          "*.authorization",
          "headers.cookie",
          "headers.authorization",
        ],
        censor: "[redacted]",
      },
    }),
  );
}
