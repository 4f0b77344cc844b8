import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { testPortal } from "../testing/test-portal";
import { createPairingCode } from "./create-pairing-code";
import { FailureLimiter, pairingLimiter } from "./failure-limiter";
import { pairTerminal } from "./pair-terminal";

const portalUrl = "http://portal.test:3000";
const chrome =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) " +
  "Chrome/156.0 Safari/537.36";
let address = 0;

// Each test pairs from its own address, so the per-address limit of one
// test does not spill into the next.
function nextAddress(): string {
  address += 1;

  return `198.51.100.${address}`;
}

async function expectCode(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toMatchObject({ name: "PortalError", code });
}

beforeAll(async () => {
  await testPortal();
});

beforeEach(async () => {
  // Live codes from an earlier test would share the wrong-guess counter.
  await db().pairingCode.deleteMany();
});

describe("pairing code life cycle", () => {
  it("pairs a device once and records it", async () => {
    const made = await createPairingCode({ portalUrl, ttlSeconds: 600 });
    expect(made.code).toMatch(/^\d{8}$/);
    expect(made.url).toBe(`${portalUrl}/pair?code=${made.code}`);

    const clientAddress = nextAddress();
    const terminal = await pairTerminal({ code: made.code, userAgent: chrome, clientAddress });
    expect(terminal).toMatchObject({ name: "Chrome on Linux", icon: "desktop" });

    const row = await db().terminal.findUniqueOrThrow({ where: { id: terminal.id } });
    expect(row.revokedAt).toBeNull();
    const audit = await db().auditEvent.findFirst({
      where: { action: "terminal.paired", terminalId: terminal.id },
    });
    expect(audit?.clientAddress).toBe(clientAddress);
  });

  it("accepts the code with spaces and keeps the given name and icon", async () => {
    const made = await createPairingCode({ portalUrl, ttlSeconds: 600 });
    const spaced = `${made.code.slice(0, 4)} ${made.code.slice(4)}`;
    const terminal = await pairTerminal({
      code: spaced,
      name: "  Kitchen   tablet ",
      icon: "tablet",
      userAgent: chrome,
      clientAddress: nextAddress(),
    });
    expect(terminal).toMatchObject({ name: "Kitchen tablet", icon: "tablet" });
  });

  it("refuses a code the second time", async () => {
    const made = await createPairingCode({ portalUrl, ttlSeconds: 600 });
    await pairTerminal({ code: made.code, userAgent: chrome, clientAddress: nextAddress() });
    await expectCode(
      pairTerminal({ code: made.code, userAgent: chrome, clientAddress: nextAddress() }),
      "CODE_USED",
    );
  });

  it("refuses an expired code", async () => {
    const made = await createPairingCode({
      portalUrl,
      ttlSeconds: 600,
      now: new Date(Date.now() - 601_000),
    });
    await expectCode(
      pairTerminal({ code: made.code, userAgent: chrome, clientAddress: nextAddress() }),
      "CODE_EXPIRED",
    );
  });

  it("kills a code on the sixth guess, after five wrong ones", async () => {
    const made = await createPairingCode({ portalUrl, ttlSeconds: 600 });
    const wrong = made.code === "00000000" ? "11111111" : "00000000";
    const clientAddress = nextAddress();
    for (let guess = 1; guess <= 5; guess++) {
      await expectCode(
        pairTerminal({ code: wrong, userAgent: chrome, clientAddress }),
        "CODE_INVALID",
      );
    }

    await expectCode(
      pairTerminal({ code: made.code, userAgent: chrome, clientAddress: nextAddress() }),
      "CODE_LOCKED",
    );
    const failures = await db().auditEvent.count({
      where: { action: "pairing.failed", clientAddress },
    });
    expect(failures).toBe(5);
  });

  it("never shows a valid code in its messages or its audit trail", async () => {
    const made = await createPairingCode({ portalUrl, ttlSeconds: 600 });
    const near = `${made.code.slice(0, 7)}${(Number(made.code[7]) + 1) % 10}`;
    const error = await pairTerminal({
      code: near,
      userAgent: chrome,
      clientAddress: nextAddress(),
    })
      .then(() => null)
      .catch((caught: Error) => caught);
    expect(error?.message).not.toContain(made.code);

    const events = await db().auditEvent.findMany();
    for (const event of events) expect(event.detail).not.toContain(made.code);
  });

  it("limits failed attempts per client address per minute", async () => {
    const limiter = pairingLimiter();
    const made = await createPairingCode({ portalUrl, ttlSeconds: 600 });
    const clientAddress = nextAddress();
    // Wrong codes that no live code is counted against: fresh codes each time.
    for (let i = 0; i < limiter.limit; i++) {
      await db().pairingCode.updateMany({ data: { failedAttempts: 0 } });
      await expectCode(
        pairTerminal({ code: "12", userAgent: chrome, clientAddress }),
        "CODE_INVALID",
      );
    }
    await db().pairingCode.updateMany({ data: { failedAttempts: 0 } });

    await expectCode(
      pairTerminal({ code: made.code, userAgent: chrome, clientAddress }),
      "RATE_LIMITED",
    );
    // Another address is not affected, and the code still works.
    await expect(
      pairTerminal({ code: made.code, userAgent: chrome, clientAddress: nextAddress() }),
    ).resolves.toMatchObject({ icon: "desktop" });
  });
});

describe("failure limiter", () => {
  it("forgets failures after the window", () => {
    const limiter = new FailureLimiter(2, 60_000);
    limiter.fail("a", 0);
    limiter.fail("a", 1_000);
    expect(limiter.isBlocked("a", 2_000)).toBe(true);
    expect(limiter.isBlocked("b", 2_000)).toBe(false);
    expect(limiter.isBlocked("a", 61_001)).toBe(false);
  });
});
