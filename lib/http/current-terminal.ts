import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { authenticate, type CurrentTerminal } from "../session/authenticate";
import { sessionCookieName } from "../session/session-cookie";

/** The terminal of the visitor of a console page, or null. */
export async function currentTerminal(): Promise<CurrentTerminal | null> {
  const token = (await cookies()).get(sessionCookieName)?.value ?? null;

  return authenticate(token);
}

/** The visitor's terminal; an unpaired visitor goes to pairing and comes back to `path`. */
export async function requireTerminal(path: string): Promise<CurrentTerminal> {
  const terminal = await currentTerminal();
  if (!terminal) redirect(`/pair?next=${encodeURIComponent(path)}`);

  return terminal;
}

/** The request's User-Agent, for the pairing form's suggestions. */
export async function requestUserAgent(): Promise<string> {
  return (await headers()).get("user-agent") ?? "";
}
