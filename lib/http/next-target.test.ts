import { describe, expect, it } from "vitest";
import { safeNextTarget } from "./next-target";

const portal = "https://portal.test";

describe("the next target after pairing", () => {
  it.each([
    ["/devices", "/devices"],
    ["/devices?tab=1#top", "/devices?tab=1#top"],
    ["https://portal.test/devices", "https://portal.test/devices"],
    ["https://whoami.portal.test/a?b=c", "https://whoami.portal.test/a?b=c"],
    ["http://whoami.portal.test:8080/", "http://whoami.portal.test:8080/"],
    ["https://WHOAMI.Portal.Test/", "https://whoami.portal.test/"],
  ])("keeps %s", (next, expected) => {
    expect(safeNextTarget(next, portal)).toBe(expected);
  });

  it.each([
    ["an absolute URL off the Portal domain", "https://evil.test/"],
    ["a look-alike suffix", "https://evilportal.test/"],
    ["the domain as a subdomain of another", "https://portal.test.evil.test/"],
    ["a protocol-relative URL", "//evil.test/path"],
    ["a backslash path", "/\\evil.test"],
    ["a backslash protocol-relative URL", "\\\\evil.test"],
    ["javascript:", "javascript:alert(1)"],
    ["JavaScript: in mixed case", "JaVaScRiPt:alert(1)"],
    ["data:", "data:text/html,hi"],
    ["a tab inside the scheme", "java\tscript:alert(1)"],
    ["a newline before the host", "/\n/evil.test"],
    ["credentials in the URL", "https://user:pass@whoami.portal.test/"],
    ["an empty value", ""],
  ])("refuses %s", (_label, next) => {
    expect(safeNextTarget(next, portal)).toBeNull();
  });

  it.each([
    ["an encoded protocol-relative URL", "%2F%2Fevil.test"],
    ["a bare host name", "evil.test"],
    ["a scheme without slashes", "https:evil.test"],
  ])("reads %s as a path on the console", (_label, next) => {
    const target = safeNextTarget(next, portal);
    expect(target).not.toBeNull();
    expect(new URL(target ?? "", portal).origin).toBe(portal);
  });

  it("refuses a target the browser would read as another host", () => {
    for (const next of ["//evil.test", "/\\evil.test", "https:evil.test", "https://evil.test"]) {
      const target = safeNextTarget(next, portal);
      expect(target === null || new URL(target, portal).hostname.endsWith("portal.test")).toBe(
        true,
      );
    }
    expect(safeNextTarget("//evil.test", portal)).toBeNull();
    expect(safeNextTarget("https://evil.test", portal)).toBeNull();
  });

  it("treats a percent-encoded path as a path on the console", () => {
    expect(safeNextTarget("/%2F%2Fevil.test", portal)).toBe("/%2F%2Fevil.test");
  });
});
