// Adds up every suite of the test command into one closing line.
// Arguments: "name:pass" or "name:fail" for the suites without a report file.
import fs from "node:fs";

let passed = 0;
let failed = 0;
const lines = [];

for (const arg of process.argv.slice(2)) {
  const [name, outcome] = arg.split(":");
  if (outcome === "pass") passed += 1;
  else failed += 1;
  lines.push(`${name}: ${outcome === "pass" ? "passed" : "FAILED"}`);
}

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const unit = read("test-results/unit.json");
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  lines.push(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
} else {
  failed += 1;
  lines.push("unit: no report (the runner did not finish)");
}

const e2e = read("test-results/e2e.json");
if (e2e) {
  const ok = e2e.stats.expected + e2e.stats.flaky;
  const bad = e2e.stats.unexpected;
  passed += ok;
  failed += bad;
  lines.push(`e2e: ${ok} passed, ${bad} failed, ${e2e.stats.skipped} skipped`);
} else if (!process.argv.includes("build:fail")) {
  failed += 1;
  lines.push("e2e: no report (the runner did not finish)");
}

console.log(`\n${lines.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
