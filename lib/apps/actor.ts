/** Who asked for app work, for the audit trail. */
export type Actor = { terminalId: string | null; clientAddress: string };

export const systemActor: Actor = { terminalId: null, clientAddress: "" };
