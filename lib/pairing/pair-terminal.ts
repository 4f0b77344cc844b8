import { randomBytes } from "node:crypto";
import { recordEvent } from "../audit/record-event";
import { db } from "../db/client";
import { PortalError } from "../errors/portal-error";
import { stateStore } from "../state/state-store";
import { bumpStateVersion } from "../state/state-version";
import { guessDevice, type TerminalIcon, terminalIcons } from "../terminals/guess-device";
import { pairingLimiter } from "./failure-limiter";
import { hashCode, maxFailedAttempts, normalizeCode } from "./pairing-code";

export type PairInput = {
  code: string;
  name?: string;
  icon?: string;
  userAgent: string;
  clientAddress: string;
  now?: Date;
};

export type PairedTerminal = { id: string; name: string; icon: TerminalIcon };

/**
 * Turns a pairing code into a new terminal. A wrong guess counts against
 * every live code and against the client's address, so guessing a code
 * means guessing one of 10^8 within five tries.
 */
export async function pairTerminal(input: PairInput): Promise<PairedTerminal> {
  const now = input.now ?? new Date();
  const limiter = pairingLimiter();
  if (limiter.isBlocked(input.clientAddress, now.getTime())) {
    await recordFailure(input, "rate-limited");
    throw new PortalError(
      "RATE_LIMITED",
      "Too many wrong codes from this address. Wait a minute, then try again.",
    );
  }

  const code = normalizeCode(input.code);
  const guess = guessDevice(input.userAgent);
  const name = cleanName(input.name) || guess.name;
  const icon = terminalIcons.find((kind) => kind === input.icon) ?? guess.icon;
  const id = randomBytes(12).toString("base64url");

  const outcome = await db().$transaction(async (tx) => {
    const row = /^\d{4,12}$/.test(code)
      ? await tx.pairingCode.findUnique({ where: { codeHash: hashCode(code) } })
      : null;
    const problem = !row
      ? "invalid"
      : row.usedAt
        ? "used"
        : row.failedAttempts >= maxFailedAttempts
          ? "locked"
          : row.expiresAt <= now
            ? "expired"
            : null;

    if (problem || !row) {
      // Every miss is a guess at each live code.
      await tx.pairingCode.updateMany({
        where: { usedAt: null, expiresAt: { gt: now }, codeHash: { not: row?.codeHash ?? "" } },
        data: { failedAttempts: { increment: 1 } },
      });

      return { problem: problem ?? "invalid", codeId: row?.id ?? null } as const;
    }

    await tx.terminal.create({
      data: {
        id,
        name,
        icon,
        userAgent: input.userAgent.slice(0, 512),
        pairedAt: now,
        lastSeenAt: now,
      },
    });
    await tx.pairingCode.update({
      where: { id: row.id },
      data: { usedAt: now, pairedTerminalId: id },
    });
    await bumpStateVersion("terminals");

    return { problem: null, codeId: row.id } as const;
  });

  if (outcome.problem) {
    limiter.fail(input.clientAddress, now.getTime());
    await recordFailure(input, outcome.problem, outcome.codeId);
    throw failureError(outcome.problem);
  }

  await stateStore().reload("terminals");
  await recordEvent({
    action: "terminal.paired",
    terminalId: id,
    clientAddress: input.clientAddress,
    detail: { name, icon, pairingCodeId: outcome.codeId },
  });

  return { id, name, icon };
}

function cleanName(name: string | undefined): string {
  return (name ?? "").replace(/\s+/g, " ").trim().slice(0, 64);
}

async function recordFailure(input: PairInput, reason: string, codeId: string | null = null) {
  await recordEvent({
    action: "pairing.failed",
    clientAddress: input.clientAddress,
    detail: { reason, pairingCodeId: codeId },
  });
}

function failureError(problem: "invalid" | "used" | "locked" | "expired"): PortalError {
  switch (problem) {
    case "used":
      return new PortalError("CODE_USED", "This code was already used. Ask for a new one.");
    case "expired":
      return new PortalError("CODE_EXPIRED", "This code has expired. Ask for a new one.");
    case "locked":
      return new PortalError(
        "CODE_LOCKED",
        "This code was locked after too many wrong attempts. Ask for a new one.",
      );
    default:
      return new PortalError("CODE_INVALID", "That code is not valid. Check it and try again.");
  }
}
