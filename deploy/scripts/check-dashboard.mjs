#!/usr/bin/env node
// Checks the Grafana dashboard JSON: structure, the panels SRE expects, metric names the host
// exposes, and writes every panel query as a recording rule so `promtool check rules` can parse
// the PromQL (Grafana variables replaced by plain values first).
//
//   node deploy/scripts/check-dashboard.mjs deploy/grafana/dashboards/intakemesh.json OUT.rules.json
//
// Exit code 0 when the dashboard looks right; OUT is then ready for promtool (JSON is YAML).

import { readFileSync, writeFileSync } from "node:fs";

const [file, out] = process.argv.slice(2);
if (!file || !out) {
  console.error("usage: check-dashboard.mjs DASHBOARD.json OUT.rules.json");
  process.exit(2);
}

// Families the host exposes (histograms through their _bucket/_sum/_count series).
const knownMetrics = new Set([
  "up",
  "intakemesh_events_consumed_total",
  "intakemesh_events_deadlettered_total",
  "intakemesh_duplicates_total",
  "intakemesh_complaints_total",
  "intakemesh_incidents_open",
  "intakemesh_escalations_total",
  "intakemesh_phase_transitions_total",
  "intakemesh_decision_latency_seconds_bucket",
  "intakemesh_decision_latency_seconds_sum",
  "intakemesh_decision_latency_seconds_count",
  "intakemesh_consumer_lag",
  "intakemesh_batch_size_bucket",
  "intakemesh_batch_size_sum",
  "intakemesh_batch_size_count",
  "intakemesh_alerts_published_total",
  "intakemesh_alerts_failed_total",
  "intakemesh_sla_breaches_total",
]);

// Panels the dashboard must keep, each identified by what its queries must contain.
const requiredPanels = [
  ["intake by channel", /sum by \(channel\) \(rate\(intakemesh_events_consumed_total/],
  ["dedup ratio", /intakemesh_duplicates_total[\s\S]*\/[\s\S]*intakemesh_events_consumed_total/],
  ["incidents by tier", /sum by \(tier\) \(intakemesh_incidents_open/],
  ["decision latency p50", /histogram_quantile\(0\.5, [\s\S]*?rate\(intakemesh_decision_latency_seconds_bucket/],
  ["decision latency p95", /histogram_quantile\(0\.95, [\s\S]*?rate\(intakemesh_decision_latency_seconds_bucket/],
  ["decision latency p99", /histogram_quantile\(0\.99, [\s\S]*?rate\(intakemesh_decision_latency_seconds_bucket/],
  ["consumer lag", /intakemesh_consumer_lag/],
];

const problems = [];
let dash;
try {
  dash = JSON.parse(readFileSync(file, "utf8"));
} catch (e) {
  console.log(`FAIL ${file}: ${e.message}`);
  process.exit(1);
}

for (const k of ["uid", "title", "panels", "schemaVersion"]) if (dash[k] === undefined) problems.push(`missing "${k}"`);
const panels = (dash.panels ?? []).flatMap((p) => (p.type === "row" ? p.panels ?? [] : [p]));
const ids = new Set();
const rules = [];
const exprs = [];
for (const p of panels) {
  const where = `panel ${p.id} "${p.title}"`;
  if (ids.has(p.id)) problems.push(`${where}: duplicate id`);
  ids.add(p.id);
  const g = p.gridPos ?? {};
  if (![g.x, g.y, g.w, g.h].every(Number.isInteger) || g.x + g.w > 24) problems.push(`${where}: bad gridPos`);
  if (!p.datasource?.uid) problems.push(`${where}: no datasource`);
  if (!p.targets?.length) problems.push(`${where}: no queries`);
  for (const t of p.targets ?? []) {
    if (!t.expr) {
      problems.push(`${where}: target ${t.refId} without expr`);
      continue;
    }
    exprs.push(t.expr);
    for (const m of t.expr.match(/\b(intakemesh_[a-z_]+|up)\b(?=\s*[{[(]|\s*$|\s*[)\/*+-])/g) ?? []) {
      if (!knownMetrics.has(m)) problems.push(`${where}: unknown metric ${m}`);
    }
    const promql = t.expr
      .replaceAll("$__rate_interval", "5m")
      .replaceAll("$__interval", "1m")
      .replaceAll("$__range", "1h")
      .replace(/\$\{?instance\}?/g, ".*");
    if (promql.includes("$")) problems.push(`${where}: unresolved variable in ${t.expr}`);
    rules.push({ record: `dashboard:panel_${p.id}_${t.refId}`.toLowerCase(), expr: promql });
  }
}
for (const [what, re] of requiredPanels) {
  if (!exprs.some((e) => re.test(e))) problems.push(`no "${what}" query`);
}
for (const v of dash.templating?.list ?? []) if (!v.name) problems.push("template variable without name");

writeFileSync(out, JSON.stringify({ groups: [{ name: "dashboard-queries", rules }] }, null, 2));
for (const pr of problems) console.log(`FAIL ${file}: ${pr}`);
console.log(`dashboard: ${panels.length} panels, ${rules.length} queries, ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
