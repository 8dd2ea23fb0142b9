// Checks OpenAPI documents the way an integrator's tools read them:
//  1. Redocly CLI's recommended rules (redocly.yaml): no errors, and no warnings beyond the justified ones below;
//  2. the official OpenAPI schema for the document's version;
//  3. every `pattern` compiles as an ECMA-262 regular expression with the `u` flag, as JSON Schema validators use it.
// Usage: node check.mjs <document.json>...   Prints a JSON report; exits 1 when any document fails.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";

const here = dirname(fileURLToPath(import.meta.url));

// Warnings accepted on purpose, each explained in docs/api.md. Matched on rule and message.
const JUSTIFIED = [
  // /api/v1/sessions/busy/{professionalId} beside /api/v1/sessions/{sessionId}/…: a session id is a UUID, never "busy".
  { rule: "no-ambiguous-paths", message: /`\/api\/v1\/sessions\/busy\/\{professionalId\}` and `\/api\/v1\/sessions\/\{sessionId\}\/[a-z]+`/ },
];

function redocly(file) {
  const cli = join(here, "node_modules", "@redocly", "cli", "bin", "cli.js");
  const run = spawnSync(process.execPath, [cli, "lint", "--config", join(here, "redocly.yaml"), "--format", "json",
    "--max-problems", "1000", file], { encoding: "utf8" });
  const start = run.stdout.indexOf("{");
  if (start < 0) {
    return { problems: [{ severity: "error", ruleId: "redocly-run", message: run.stderr || run.stdout }] };
  }
  return JSON.parse(run.stdout.slice(start));
}

function patterns(node, path, found) {
  if (Array.isArray(node)) {
    node.forEach((child, i) => patterns(child, `${path}/${i}`, found));
  } else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "pattern" && typeof value === "string") {
        found.push({ path, pattern: value });
      } else {
        patterns(value, `${path}/${key}`, found);
      }
    }
  }
  return found;
}

let failed = false;
const report = {};
for (const file of process.argv.slice(2)) {
  const document = JSON.parse(readFileSync(file, "utf8"));
  const lint = redocly(file);
  const errors = [];
  const justified = [];
  for (const problem of lint.problems) {
    const where = problem.location?.[0]?.pointer ?? "";
    const line = `${problem.ruleId}: ${problem.message} ${where}`.trim();
    const accepted = problem.severity === "warn"
      && JUSTIFIED.some(j => j.rule === problem.ruleId && j.message.test(problem.message));
    (accepted ? justified : errors).push(`${problem.severity} ${line}`);
  }

  const validator = new Validator();
  const schema = await validator.validate(document);
  if (!schema.valid) {
    errors.push(`schema: not a valid OpenAPI ${document.openapi} document: ${JSON.stringify(schema.errors).slice(0, 2000)}`);
  }

  const compiled = patterns(document, "#", []);
  for (const { path, pattern } of compiled) {
    try {
      new RegExp(pattern, "u");
    } catch (e) {
      errors.push(`pattern: ${path} does not compile as ECMA-262 (u flag): ${pattern}: ${e.message}`);
    }
  }

  report[file] = { openapi: document.openapi, operations: Object.values(document.paths ?? {})
      .reduce((n, item) => n + Object.keys(item).filter(k => ["get", "put", "post", "delete", "patch"].includes(k)).length, 0),
    patterns: compiled.length, errors, justifiedWarnings: justified };
  failed ||= errors.length > 0;
}
console.log(JSON.stringify(report, null, 2));
process.exit(failed ? 1 : 0);
