import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";
import { isAllowedWrite } from "./same-origin";

const origin = "https://portal.test";

describe("cross-site writes", () => {
  it("lets reads through from anywhere", () => {
    expect(isAllowedWrite("GET", { origin: "https://evil.test" }, origin)).toBe(true);
  });

  it("refuses a write from another origin", () => {
    expect(isAllowedWrite("DELETE", { origin: "https://evil.test" }, origin)).toBe(false);
    expect(isAllowedWrite("POST", { origin: "null" }, origin)).toBe(false);
    expect(isAllowedWrite("PATCH", { secFetchSite: "same-site" }, origin)).toBe(false);
    expect(isAllowedWrite("POST", { secFetchSite: "cross-site", origin }, origin)).toBe(false);
  });

  it("lets a same-origin write and a non-browser client through", () => {
    expect(isAllowedWrite("DELETE", { origin, secFetchSite: "same-origin" }, origin)).toBe(true);
    expect(isAllowedWrite("POST", {}, origin)).toBe(true);
  });
});

describe("client address", () => {
  const trusted = ["127.0.0.1", "::1"];

  it("is the socket's peer when the peer is not a trusted proxy", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", trusted)).toBe("203.0.113.9");
  });

  it("is the last untrusted hop behind a trusted proxy", () => {
    expect(clientAddress("::ffff:127.0.0.1", "6.6.6.6, 198.51.100.1", trusted)).toBe(
      "198.51.100.1",
    );
    expect(clientAddress("127.0.0.1", "198.51.100.1, 127.0.0.1", trusted)).toBe("198.51.100.1");
    expect(clientAddress("127.0.0.1", undefined, trusted)).toBe("127.0.0.1");
  });
});
