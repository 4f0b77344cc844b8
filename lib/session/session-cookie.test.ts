import { describe, expect, it } from "vitest";
import { bearerToken, sessionTokenFromCookieHeader } from "./session-cookie";

describe("the session token in a Cookie header", () => {
  it.each([
    ["ptl_session=abc", "abc"],
    ["a=1; ptl_session=abc; b=2", "abc"],
    ["a=1;ptl_session=abc", "abc"],
    ["a=1;\tptl_session=abc ", "abc"],
    ["ptl_session=first; ptl_session=second", "first"],
    ["xptl_session=evil; ptl_session=abc", "abc"],
    ["a=ptl_session=evil; ptl_session=abc", "abc"],
    ["ptl_sessions=evil; ptl_session=abc", "abc"],
  ])("reads %j as %j", (header, token) => {
    expect(sessionTokenFromCookieHeader(header)).toBe(token);
  });

  it.each([
    [undefined],
    [""],
    ["a=1; b=2"],
    ["ptl_session="],
    ["ptl_session= ; b=2"],
    ["xptl_session=evil"],
    ["a=ptl_session=evil"],
    ["ptl_session"],
  ])("finds no token in %j", (header) => {
    expect(sessionTokenFromCookieHeader(header)).toBeNull();
  });
});

describe("the token of an Authorization header", () => {
  it("reads a bearer token in any letter case", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bearer  abc ")).toBe("abc");
  });

  it("ignores other schemes and empty tokens", () => {
    expect(bearerToken("Basic YTpi")).toBeNull();
    expect(bearerToken("Bearer ")).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
