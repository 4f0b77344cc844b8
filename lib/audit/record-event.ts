import { db } from "../db/client";
import { logger } from "../log/logger";

export type AuditAction =
  | "terminal.paired"
  | "terminal.renamed"
  | "terminal.revoked"
  | "pairing.failed"
  | "pairing.code-created"
  | "app.installed"
  | "app.install-failed"
  | "app.uninstalled"
  | "app.started"
  | "app.stopped";

export type AuditInput = {
  action: AuditAction;
  terminalId?: string | null;
  clientAddress?: string;
  detail?: Record<string, string | number | boolean | null>;
};

/**
 * Appends to the audit trail and logs the same line. Callers pass only what
 * is safe to keep: never a code, a token or a secret.
 */
export async function recordEvent(input: AuditInput): Promise<void> {
  const detail = input.detail ?? {};
  logger().info(
    {
      audit: input.action,
      terminalId: input.terminalId,
      clientAddress: input.clientAddress,
      ...detail,
    },
    input.action,
  );
  await db().auditEvent.create({
    data: {
      action: input.action,
      terminalId: input.terminalId ?? null,
      clientAddress: input.clientAddress ?? "",
      detail: JSON.stringify(detail),
    },
  });
}
