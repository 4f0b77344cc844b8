// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${...}" here is literal text
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { envValueProblem, formatEnvFile, quoteEnvValue } from "./env-file";

const TRICKY: Record<string, string> = {
  DOLLAR: "pa$word $HOME $$ end$",
  SPACES: "  two  spaces  ",
  HASH: "a #not-a-comment",
  DOUBLE: 'say "hi"',
  SINGLE: "it's",
  BACKSLASH: "C:\\path\\n-not-a-newline",
  NEWLINE: "line one\nline two",
  MIXED: 'O\'Hara says "hi" # \\o/',
  EMPTY: "",
  UNICODE: "Zoë ☃",
  LEADING_QUOTE: '"quoted start',
};

describe("quoteEnvValue", () => {
  it("single-quotes values without quotes, backslashes or line breaks", () => {
    expect(quoteEnvValue("pa$word #1")).toBe("'pa$word #1'");
    expect(quoteEnvValue('say "hi"')).toBe("'say \"hi\"'");
    expect(quoteEnvValue("")).toBe("''");
  });

  it("double-quotes and escapes values with quotes or backslashes", () => {
    expect(quoteEnvValue("it's")).toBe('"it\'s"');
    expect(quoteEnvValue("a\\b")).toBe('"a\\\\b"');
    expect(quoteEnvValue("a\nb")).toBe('"a\\nb"');
  });

  it("refuses what one of the compose readers would change", () => {
    expect(envValueProblem("${HOME}")).toMatch(/docker-compose 1.29 would expand it/);
    expect(envValueProblem("it's $5")).toMatch(/must not combine "\$"/);
    expect(envValueProblem('it\'s "x"')).toMatch(/must not end with a double quote/);
    expect(envValueProblem("it's \\")).toMatch(/backslash/);
    expect(() => quoteEnvValue("${X}")).toThrow(/expand/);
  });

  it("refuses malformed keys", () => {
    expect(() => formatEnvFile([["1BAD", "x"]])).toThrow(/not a valid variable name/);
    expect(() => formatEnvFile([["A B", "x"]])).toThrow(/not a valid variable name/);
  });
});

describe("formatEnvFile", () => {
  it("writes KEY=value lines in order", () => {
    expect(
      formatEnvFile([
        ["B", "2"],
        ["A", "it's"],
      ]),
    ).toBe("B='2'\nA=\"it's\"\n");
    expect(formatEnvFile([])).toBe("");
  });
});

// The compose command's own reading is the proof: every tricky value must
// come back from `config` exactly as written.
const compose = findCompose();

describe.skipIf(!compose)("env file read by the compose command", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "portal-env-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps $, spaces, #, quotes, backslashes and line breaks literal", () => {
    const envFile = path.join(dir, "app.env");
    writeFileSync(envFile, formatEnvFile(Object.entries(TRICKY)));
    const environment = Object.fromEntries(Object.keys(TRICKY).map((key) => [key, `\${${key}}`]));
    const composeFile = path.join(dir, "compose.yaml");
    writeFileSync(composeFile, JSON.stringify({ services: { s: { image: "x:1", environment } } }));

    const [file = "", ...prefix] = compose ?? [];
    const out = execFileSync(
      file,
      [...prefix, "--env-file", envFile, "-f", composeFile, "config"],
      { env: { PATH: process.env.PATH ?? "", NODE_ENV: "test" }, encoding: "utf8" },
    );
    const rendered = parse(out).services.s.environment as Record<string, string>;
    for (const [key, value] of Object.entries(TRICKY)) {
      // `config` prints a literal "$" as "$$" so its output stays valid input.
      expect(String(rendered[key] ?? "").replaceAll("$$", "$"), key).toBe(value);
    }
  });
});

function findCompose(): string[] | undefined {
  const configured = process.env.PORTAL_COMPOSE?.trim();
  const candidates = configured
    ? [configured.split(/\s+/)]
    : [["docker", "compose"], ["docker-compose"]];
  for (const candidate of candidates) {
    const [file = "", ...args] = candidate;
    try {
      execFileSync(file, [...args, "version"], { stdio: "ignore" });

      return candidate;
    } catch {
      // Not installed; try the next one.
    }
  }

  return undefined;
}
