export type ComposeFailureKind =
  | "docker-unreachable"
  | "compose-missing"
  | "pull-failed"
  | "name-conflict"
  | "port-taken"
  | "disk-full"
  | "timed-out"
  | "other";

export type ComposeFailure = { kind: ComposeFailureKind; reason: string };

const unreachable = anyOf(
  ["Error while fetching server API version", "Cannot connect to the Docker daemon"],
  "i",
);
const missing = /(ENOENT|command not found|No such file or directory: '?docker)/;
const pulling = /^Pulling \S+ \((.+)\)\.\.\.$/m;
const pullError = anyOf(
  [
    "pull access denied",
    "manifest unknown",
    "manifest for \\S+ not found",
    "repository does not exist",
    "no such host",
    "dial tcp",
    "TLS handshake timeout",
    "toomanyrequests",
    "i/o timeout",
    "unauthorized",
  ],
  "i",
);
const nameConflict = /The container name "\/([^"]+)" is already in use/;
const portTaken = anyOf([
  "listen tcp[46]? ([^:\\s]+:\\d+): bind: address already in use",
  "Bind for (\\S+) failed: port is already allocated",
]);
const diskFull = /no space left on device/i;

/**
 * Reads what went wrong from compose's output (docker-compose 1.29 and
 * compose v2 word these alike) and says it in one sentence that ends with
 * what to do. `retry` is that last part, e.g. "install it again".
 */
export function classifyComposeOutput(
  output: string,
  options: { timedOut?: boolean; retry?: string; command?: string } = {},
): ComposeFailure {
  const retry = options.retry ?? "try again";
  if (options.timedOut) {
    return {
      kind: "timed-out",
      reason: [
        `Compose did not finish in time.`,
        `Check that the Docker Engine is healthy, then ${retry}.`,
      ].join(" "),
    };
  }
  if (unreachable.test(output)) {
    return { kind: "docker-unreachable", reason: dockerUnreachableReason(retry) };
  }
  if (missing.test(output) && !output.includes("Creating")) {
    const command = options.command ?? "compose";

    return {
      kind: "compose-missing",
      reason: [
        `The compose command (${command}) was not found.`,
        `Install Docker Compose or set PORTAL_COMPOSE, then ${retry}.`,
      ].join(" "),
    };
  }
  const conflict = nameConflict.exec(output);
  if (conflict) {
    const name = conflict[1];

    return {
      kind: "name-conflict",
      reason: [
        `A container named "${name}" already exists and is not part of this app.`,
        `Remove or rename it (docker rm -f ${name}), then ${retry}.`,
      ].join(" "),
    };
  }
  const port = portTaken.exec(output);
  if (port) {
    return {
      kind: "port-taken",
      reason: [
        `Port ${port[1] ?? port[2]} is already in use by another program or container.`,
        `Free it, then ${retry}.`,
      ].join(" "),
    };
  }
  if (diskFull.test(output)) {
    return {
      kind: "disk-full",
      reason: `The Docker Engine ran out of disk space. Free some space, then ${retry}.`,
    };
  }
  const pull = pulling.exec(output);
  const pullLine = lineMatching(output, pullError);
  if (pull && pullLine) {
    return {
      kind: "pull-failed",
      reason: [
        `The image ${pull[1]} could not be downloaded (${shorten(pullLine)}).`,
        `Check that the Portal can reach its registry, then ${retry}.`,
      ].join(" "),
    };
  }

  const last = lastErrorLine(output);

  return {
    kind: "other",
    reason: last
      ? `Compose failed: ${shorten(last)}. See the install log, then ${retry}.`
      : `Compose failed without saying why. See the install log, then ${retry}.`,
  };
}

/** The reason shown whenever the engine does not answer, wherever it is noticed. */
export function dockerUnreachableReason(retry = "try again"): string {
  const where = process.env.DOCKER_HOST || "unix:///var/run/docker.sock";

  return [
    `The Docker Engine does not answer at ${where}.`,
    `Start Docker (or point DOCKER_HOST at it), then ${retry}.`,
  ].join(" ");
}

function lineMatching(output: string, re: RegExp): string | undefined {
  return output
    .split("\n")
    .map((line) => line.trim())
    .find((line) => re.test(line));
}

function lastErrorLine(output: string): string | undefined {
  const lines = output
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const errors = lines.filter((line) => /^ERROR|error/i.test(line));

  return (errors.at(-1) ?? lines.at(-1))?.replace(/^ERROR:\s*/, "");
}

function shorten(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, " ").replace(/[.\s]+$/, "");

  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function anyOf(patterns: string[], flags = ""): RegExp {
  return new RegExp(patterns.map((p) => `(?:${p})`).join("|"), flags);
}
