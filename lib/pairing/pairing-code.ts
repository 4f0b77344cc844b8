import { createHash, randomInt } from "node:crypto";

/** Digits only, so a phone shows its number pad; 10^8 codes, 5 guesses each. */
export const codeLength = 8;

/** Wrong guesses after which every live code is dead. */
export const maxFailedAttempts = 5;

/** A fresh code from the CSPRNG. */
export function generateCode(): string {
  let code = "";
  for (let i = 0; i < codeLength; i++) code += String(randomInt(10));

  return code;
}

/** What the user typed, without the spaces and dashes people add. */
export function normalizeCode(input: string): string {
  return input.replace(/[\s-]/g, "");
}

/** The stored form of a code: the code itself is never kept. */
export function hashCode(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}

/** The pairing page's URL with the code filled in. */
export function pairingUrl(portalUrl: string, code: string): string {
  return `${portalUrl}/pair?code=${code}`;
}
