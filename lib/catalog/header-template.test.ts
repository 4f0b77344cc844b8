// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${...}" here is literal text
import { describe, expect, it } from "vitest";
import {
  PLACEHOLDER_NAMES,
  parseHeaderTemplate,
  renderHeaderTemplate,
  renderTemplateParts,
} from "./header-template";
import { testIdentity } from "./test-values";

function error(template: string): string | undefined {
  const parsed = parseHeaderTemplate(template);

  return parsed.ok ? undefined : parsed.error;
}

describe("parseHeaderTemplate", () => {
  it("splits text and the seven fixed placeholders", () => {
    expect(PLACEHOLDER_NAMES).toHaveLength(7);
    expect(parseHeaderTemplate("{{ownerUsername}}@{{portalDomain}}")).toEqual({
      ok: true,
      parts: [
        { kind: "placeholder", name: "ownerUsername" },
        { kind: "text", value: "@" },
        { kind: "placeholder", name: "portalDomain" },
      ],
    });
    for (const name of PLACEHOLDER_NAMES) {
      expect(parseHeaderTemplate(`{{${name}}}`).ok).toBe(true);
    }
  });

  it("accepts plain text and the empty template", () => {
    expect(parseHeaderTemplate("")).toEqual({ ok: true, parts: [] });
    expect(parseHeaderTemplate("static")).toEqual({
      ok: true,
      parts: [{ kind: "text", value: "static" }],
    });
  });

  it("rejects unknown placeholders by name", () => {
    expect(error("{{password}}")).toBe("unknown placeholder {{password}}");
    expect(error("{{constructor}}")).toBe("unknown placeholder {{constructor}}");
    expect(error("{{__proto__}}")).toBe("unknown placeholder {{__proto__}}");
    expect(error("{{}}")).toBe("unknown placeholder {{}}");
  });

  it("rejects property access and expressions", () => {
    expect(error("{{ownerUsername.constructor}}")).toBe(
      "unknown placeholder {{ownerUsername.constructor}}",
    );
    expect(error("{{ownerUsername | upper}}")).toMatch(/^unknown placeholder/);
    expect(error("{{process.env.SECRET}}")).toMatch(/^unknown placeholder/);
  });

  it("rejects spaces inside the braces, with a hint", () => {
    expect(error("{{ ownerUsername }}")).toBe(
      "write placeholders without spaces: {{ownerUsername}}",
    );
  });

  it("rejects nested and unbalanced braces", () => {
    expect(error("{{{ownerUsername}}}")).toBe("nested braces are not allowed");
    expect(error("{{owner{{portalId}}Username}}")).toBe("nested braces are not allowed");
    expect(error("{{ownerUsername")).toBe('unclosed "{{" at position 0');
    expect(error("user}}")).toBe('unmatched "}}" at position 4');
  });

  it("rejects line breaks and control characters", () => {
    expect(error("a\r\nX-Ptl-Admin: yes")).toMatch(/control characters/);
    expect(error("a\u0000b")).toMatch(/control characters/);
  });
});

describe("renderHeaderTemplate", () => {
  it("fills placeholders from the fixed values", () => {
    expect(renderHeaderTemplate("{{ownerEmail}}", testIdentity)).toBe("gjq6gv@example.com");
    expect(renderHeaderTemplate("{{terminalName}} ({{terminalId}})", testIdentity)).toBe(
      "Ada's laptop (t_123)",
    );
  });

  it("renders JavaScript template syntax and single braces literally", () => {
    expect(renderHeaderTemplate("${ownerUsername}", testIdentity)).toBe("${ownerUsername}");
    expect(renderHeaderTemplate("${process.exit(1)}", testIdentity)).toBe("${process.exit(1)}");
    expect(renderHeaderTemplate("{ownerUsername}", testIdentity)).toBe("{ownerUsername}");
    expect(renderHeaderTemplate("`{{portalId}}`", testIdentity)).toBe("`gjq6gv`");
  });

  it("never reaches values outside the fixed set", () => {
    const values = Object.assign(Object.create({ inherited: "leak" }), testIdentity);
    expect(() => renderHeaderTemplate("{{inherited}}", values)).toThrow(/unknown placeholder/);
    expect(() => renderHeaderTemplate("{{toString}}", testIdentity)).toThrow(/unknown/);
  });

  it("strips control characters from values, so a name cannot add a header", () => {
    const parsed = parseHeaderTemplate("{{ownerDisplayName}}");
    if (!parsed.ok) {
      throw new Error(parsed.error);
    }
    const values = { ...testIdentity, ownerDisplayName: "Eve\r\nX-Ptl-User: admin" };
    expect(renderTemplateParts(parsed.parts, values)).toBe("EveX-Ptl-User: admin");
  });

  it("renders anonymous requests as empty values", () => {
    const anonymous = { ...testIdentity, terminalId: "", terminalName: "" };
    expect(renderHeaderTemplate("{{terminalId}}", anonymous)).toBe("");
  });
});
