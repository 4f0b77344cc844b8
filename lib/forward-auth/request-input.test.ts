import { describe, expect, it } from "vitest";
import { inputFromRawHeaders } from "./request-input";

describe("the decision's input from raw headers", () => {
  it("reads the names in any letter case", () => {
    const input = inputFromRawHeaders("GET", [
      "x-forwarded-host",
      "whoami.portal.test",
      "X-FORWARDED-URI",
      "/a",
      "X-Forwarded-Proto",
      "https",
      "x-Original-Url",
      "https://whoami.portal.test/b",
    ]);

    expect(input).toMatchObject({
      method: "GET",
      forwardedHost: "whoami.portal.test",
      forwardedUri: "/a",
      forwardedProto: "https",
      originalUrl: "https://whoami.portal.test/b",
    });
  });

  it("combines repeated headers as node does: Cookie with '; ', others with ', '", () => {
    const input = inputFromRawHeaders("GET", [
      "Cookie",
      "a=1",
      "cookie",
      "ptl_session=t",
      "X-Forwarded-Host",
      "first.portal.test",
      "X-Forwarded-Host",
      "second.portal.test",
      "Accept",
      "text/html",
      "accept",
      "*/*",
    ]);

    expect(input.cookie).toBe("a=1; ptl_session=t");
    expect(input.forwardedHost).toBe("first.portal.test, second.portal.test");
    expect(input.accept).toBe("text/html, */*");
  });

  it("keeps the first Authorization, as node does", () => {
    const input = inputFromRawHeaders("GET", [
      "Authorization",
      "Bearer first",
      "authorization",
      "Bearer second",
    ]);

    expect(input.authorization).toBe("Bearer first");
  });

  it("lists only the names with an underscore, as sent, and ignores the rest", () => {
    const input = inputFromRawHeaders("POST", [
      "Host",
      "127.0.0.1",
      "X-Ptl_User",
      "attacker",
      "User-Agent",
      "curl",
    ]);

    expect(input).toEqual({ method: "POST", headerNames: ["X-Ptl_User"] });
  });
});
