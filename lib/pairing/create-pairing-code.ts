import { randomUUID } from "node:crypto";
import { recordEvent } from "../audit/record-event";
import { db } from "../db/client";
import { generateCode, hashCode, pairingUrl } from "./pairing-code";

export type NewPairingCode = {
  id: string;
  code: string;
  url: string;
  expiresAt: Date;
};

type Options = {
  portalUrl: string;
  ttlSeconds: number;
  createdByTerminalId?: string | null;
  clientAddress?: string;
  now?: Date;
};

/** Makes a single-use pairing code. Only its hash is stored. */
export async function createPairingCode(options: Options): Promise<NewPairingCode> {
  const now = options.now ?? new Date();
  const code = generateCode();
  const expiresAt = new Date(now.getTime() + options.ttlSeconds * 1000);
  const row = await db().pairingCode.create({
    data: {
      id: randomUUID(),
      codeHash: hashCode(code),
      createdAt: now,
      expiresAt,
      createdByTerminalId: options.createdByTerminalId ?? null,
    },
  });
  await recordEvent({
    action: "pairing.code-created",
    terminalId: options.createdByTerminalId,
    clientAddress: options.clientAddress,
    detail: { pairingCodeId: row.id },
  });

  return { id: row.id, code, url: pairingUrl(options.portalUrl, code), expiresAt };
}
