#!/usr/bin/env node
// Validates rendered Kubernetes manifests (multi-document YAML, e.g. `helm template` output)
// against the Kubernetes OpenAPI schemas shipped in the npm package kubernetes-models, plus a
// few cross-object checks (selectors match pod labels, references point at rendered objects).
//
//   node deploy/scripts/validate-manifests.mjs rendered.yaml [more.yaml ...]
//
// KUBE_MODELS_DIR names the node_modules folder holding kubernetes-models and yaml
// (default <repo>/.tools/node/node_modules, where deploy/validate.sh installs them).
// Exit code 0 when every document is valid, 1 otherwise; one line per document.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modulesDir = resolve(process.env.KUBE_MODELS_DIR ?? join(here, "..", "..", ".tools", "node", "node_modules"));
// The tools live outside the repository's module path: load them (CommonJS builds) from there.
const load = createRequire(join(modulesDir, "noop.js"));

const YAML = load("yaml");

// apiVersion -> kubernetes-models entry point: "v1" (core), "apps/v1", "autoscaling/v2", ...
const modelPath = (apiVersion) => `kubernetes-models/${apiVersion}`;

// CRDs without a bundled schema: a minimal structural check of our own.
const crdChecks = {
  "monitoring.coreos.com/v1/ServiceMonitor": (doc) => {
    const errs = [];
    const spec = doc.spec ?? {};
    if (!spec.selector || typeof spec.selector !== "object") errs.push("spec.selector is required");
    if (!Array.isArray(spec.endpoints) || spec.endpoints.length === 0) errs.push("spec.endpoints must be a non-empty list");
    for (const [i, ep] of (spec.endpoints ?? []).entries()) {
      if (!ep.port && !ep.targetPort) errs.push(`spec.endpoints[${i}] needs port or targetPort`);
      for (const k of ["interval", "scrapeTimeout"]) {
        if (ep[k] !== undefined && !/^(0|(\d+(ms|s|m|h))+)$/.test(String(ep[k]))) errs.push(`spec.endpoints[${i}].${k} is not a duration`);
      }
    }
    return errs;
  },
};

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: validate-manifests.mjs FILE.yaml [...]");
  process.exit(2);
}

let failed = 0;
const fail = (where, msg) => {
  failed++;
  console.log(`FAIL ${where}: ${msg}`);
};

const docs = [];
for (const file of files) {
  const text = readFileSync(file === "-" ? 0 : file, "utf8");
  if (!text.trim()) fail(file, "no documents (empty render?)");
  for (const d of YAML.parseAllDocuments(text)) {
    if (d.errors.length) {
      docs.push({ file, error: d.errors.map((e) => e.message).join("; ") });
      continue;
    }
    const obj = d.toJS();
    if (obj !== null && obj !== undefined) docs.push({ file, obj });
  }
}

const name = (o) => `${o.kind}/${o.metadata?.name ?? "?"}`;

for (const { file, obj, error } of docs) {
  if (error) {
    fail(file, `YAML: ${error}`);
    continue;
  }
  if (!obj.apiVersion || !obj.kind) {
    fail(file, "document without apiVersion/kind");
    continue;
  }
  const id = `${file} ${name(obj)} (${obj.apiVersion})`;
  const crd = crdChecks[`${obj.apiVersion}/${obj.kind}`];
  let errs = [];
  if (crd) {
    errs = crd(obj);
  } else {
    let mod;
    try {
      mod = load(modelPath(obj.apiVersion));
    } catch {
      fail(id, `unknown apiVersion ${obj.apiVersion}`);
      continue;
    }
    const Model = mod[obj.kind];
    if (typeof Model !== "function") {
      fail(id, `unknown kind ${obj.kind} in ${obj.apiVersion}`);
      continue;
    }
    try {
      new Model(obj).validate();
    } catch (e) {
      errs = e.errors?.length
        ? e.errors.map((x) => `${x.instancePath || "/"} ${x.message}${x.params?.additionalProperty ? ` (${x.params.additionalProperty})` : ""}`)
        : [e.message];
    }
  }
  if (!obj.metadata?.name) errs.push("metadata.name is required");
  if (errs.length) fail(id, errs.join("; "));
  else console.log(`ok   ${id}`);
}

// ---- cross-object checks, within each file (one file = one render) ------------------------
for (const file of files) {
  const objs = docs.filter((d) => d.obj && d.file === file).map((d) => d.obj);
  const at = (o) => `${file} ${name(o)}`;
  const workloads = objs.filter((o) => ["Deployment", "StatefulSet"].includes(o.kind));
  const matches = (selector, labels) =>
    Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
  const podLabelsMatchedBy = (selector) =>
    workloads.some((w) => matches(selector, w.spec?.template?.metadata?.labels));

  for (const w of workloads) {
    if (!matches(w.spec?.selector?.matchLabels, w.spec?.template?.metadata?.labels)) {
      fail(at(w), "spec.selector.matchLabels does not match the pod template labels");
    }
    for (const c of w.spec?.template?.spec?.containers ?? []) {
      const portNames = new Set((c.ports ?? []).map((p) => p.name));
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        const port = c[probe]?.httpGet?.port;
        if (typeof port === "string" && !portNames.has(port)) fail(at(w), `${c.name}.${probe} uses unknown port ${port}`);
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref && (!ref.name || !ref.key)) fail(at(w), `env ${e.name}: secretKeyRef needs name and key`);
      }
    }
  }
  for (const o of objs) {
    if (o.kind === "Service" && o.spec?.selector && !podLabelsMatchedBy(o.spec.selector)) {
      fail(at(o), "selector matches no rendered workload");
    }
    if (o.kind === "PodDisruptionBudget" && !podLabelsMatchedBy(o.spec?.selector?.matchLabels)) {
      fail(at(o), "selector matches no rendered workload");
    }
    if (o.kind === "HorizontalPodAutoscaler") {
      const t = o.spec?.scaleTargetRef ?? {};
      if (!workloads.some((w) => w.kind === t.kind && w.metadata?.name === t.name)) fail(at(o), `scaleTargetRef ${t.kind}/${t.name} not rendered`);
      if (workloads.some((w) => w.kind === t.kind && w.metadata?.name === t.name && w.spec?.replicas !== undefined)) {
        fail(at(o), "target also sets spec.replicas (the HPA and helm upgrades would fight)");
      }
    }
    if (o.kind === "ServiceMonitor") {
      const svc = objs.find((s) => s.kind === "Service" && matches(o.spec?.selector?.matchLabels, s.metadata?.labels));
      if (!svc) fail(at(o), "selector matches no rendered Service");
      else for (const ep of o.spec.endpoints ?? []) {
        if (ep.port && !(svc.spec?.ports ?? []).some((p) => p.name === ep.port)) fail(at(o), `endpoint port ${ep.port} not on ${name(svc)}`);
      }
    }
  }
}

console.log(`manifests: ${docs.length} documents, ${failed} problem(s)`);
process.exit(failed ? 1 : 0);
