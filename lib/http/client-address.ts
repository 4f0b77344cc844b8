/** The header the custom server sets to the client's address; see server.ts. */
export const clientAddressHeader = "x-ptl-client-address";

/**
 * The client's address as the console should record it. The socket's peer,
 * unless that peer is a trusted proxy: then the last X-Forwarded-For hop
 * that is not itself a trusted proxy. An untrusted peer cannot choose the
 * address it is recorded (and rate-limited) under.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: readonly string[],
): string {
  const peer = normalize(socketAddress ?? "");
  if (!peer) return "unknown";
  if (!trustedProxies.includes(peer) || !forwardedFor) return peer;

  const hops = forwardedFor
    .split(",")
    .map((hop) => normalize(hop.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (hop && !trustedProxies.includes(hop)) return hop;
  }

  return peer;
}

function normalize(address: string): string {
  return address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
}
