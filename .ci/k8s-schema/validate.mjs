// Offline schema check of Kubernetes manifests (a multi-document YAML stream on stdin or in files).
//
//   node .ci/k8s-schema/validate.mjs FILE...         # or: deploy/k8s/render.sh | node validate.mjs -
//   node .ci/k8s-schema/validate.mjs --self-test     # proves each layer rejects a broken manifest
//
// Three layers, each must pass:
//  1. schema: kubernetes-models' validators, generated from the Kubernetes OpenAPI spec (types, required
//     fields, enums, formats). They let unknown fields through, hence
//  2. unknown fields: every document becomes a TypeScript object literal typed with the same package's
//     interfaces (generated from the same spec) and is type-checked with tsc --strict; an excess property
//     (a typo such as `replicass` or `httpGett`) is an error, as the API server's strict field validation is.
//  3. references inside the bundle: selectors match pod labels, named ports exist, non-optional ConfigMaps
//     and Secrets exist, HPA and PDB point at a Deployment of the bundle.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseAllDocuments } from "yaml";
import ts from "typescript";

const HERE = path.dirname(fileURLToPath(import.meta.url));

function loadDocs(text, source) {
  const docs = [];
  for (const d of parseAllDocuments(text, { uniqueKeys: true, strict: true })) {
    if (d.errors.length) throw new Error(`${source}: YAML: ${d.errors.map((e) => e.message).join("; ")}`);
    const obj = d.toJS();
    if (obj == null) continue;
    docs.push({ obj, source });
  }
  return docs;
}

function modulePath(apiVersion, kind) {
  // core group "v1" -> kubernetes-models/v1/Kind; "apps/v1" -> kubernetes-models/apps/v1/Kind
  return `kubernetes-models/${apiVersion}/${kind}`;
}

function label(doc) {
  const o = doc.obj;
  return `${doc.source}: ${o.kind ?? "?"}/${o.metadata?.name ?? "?"}`;
}

async function schemaLayer(docs) {
  const errors = [];
  for (const doc of docs) {
    const { apiVersion, kind } = doc.obj;
    if (typeof apiVersion !== "string" || typeof kind !== "string") {
      errors.push(`${label(doc)}: apiVersion and kind are required`);
      continue;
    }
    let mod;
    try {
      mod = await import(modulePath(apiVersion, kind));
    } catch {
      errors.push(`${label(doc)}: unknown apiVersion/kind ${apiVersion} ${kind}`);
      continue;
    }
    try {
      new mod[kind](doc.obj).validate();
    } catch (e) {
      errors.push(`${label(doc)}: ${e.message.split("\n").join("; ")}`);
    }
  }
  return errors;
}

function unknownFieldLayer(docs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "k8s-schema-"));
  try {
    const lines = [];
    const starts = [];
    docs.forEach((doc, i) => {
      const { apiVersion, kind } = doc.obj;
      lines.push(`import type { I${kind} as T${i} } from ${JSON.stringify(modulePath(apiVersion, kind))};`);
    });
    docs.forEach((doc, i) => {
      starts.push(lines.length + 1);
      lines.push(...`export const doc${i}: T${i} = ${JSON.stringify(doc.obj, null, 2)};`.split("\n"));
    });
    const file = path.join(dir, "manifests.ts");
    fs.writeFileSync(file, lines.join("\n") + "\n");
    const program = ts.createProgram([file], {
      strict: true, noEmit: true, skipLibCheck: true, types: [],
      module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022, baseUrl: HERE, typeRoots: [],
      paths: { "kubernetes-models/*": [path.join(HERE, "node_modules/kubernetes-models/*")] },
    });
    const diags = ts.getPreEmitDiagnostics(program);
    return diags.map((d) => {
      const msg = ts.flattenDiagnosticMessageText(d.messageText, " ");
      if (!d.file) return msg;
      const { line } = d.file.getLineAndCharacterOfPosition(d.start);
      let i = starts.length - 1;
      while (i > 0 && starts[i] > line + 1) i--;
      const where = d.file.fileName === file && line + 1 >= starts[0] ? label(docs[i]) : `${d.file.fileName}:${line + 1}`;
      return `${where}: ${msg} (line: ${lines[line]?.trim()})`;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function referenceLayer(docs) {
  const errors = [];
  const byKind = (k) => docs.filter((d) => d.obj.kind === k).map((d) => d.obj);
  const names = (k) => new Set(byKind(k).map((o) => o.metadata?.name));
  const deployments = byKind("Deployment");
  const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
  for (const d of deployments) {
    const n = d.metadata.name;
    const tpl = d.spec.template;
    if (!matches(d.spec.selector.matchLabels, tpl.metadata?.labels))
      errors.push(`Deployment/${n}: spec.selector does not match the pod template's labels`);
    const ports = new Set(tpl.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.name)));
    for (const c of tpl.spec.containers) {
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        const port = c[probe]?.httpGet?.port;
        if (typeof port === "string" && !ports.has(port)) errors.push(`Deployment/${n}: ${probe} names unknown port ${port}`);
      }
      for (const ef of c.envFrom ?? []) {
        if (ef.secretRef && !ef.secretRef.optional && !names("Secret").has(ef.secretRef.name))
          errors.push(`Deployment/${n}: Secret ${ef.secretRef.name} is not in the bundle`);
        if (ef.configMapRef && !ef.configMapRef.optional && !names("ConfigMap").has(ef.configMapRef.name))
          errors.push(`Deployment/${n}: ConfigMap ${ef.configMapRef.name} is not in the bundle`);
      }
      const vols = new Set((tpl.spec.volumes ?? []).map((v) => v.name));
      for (const m of c.volumeMounts ?? []) if (!vols.has(m.name)) errors.push(`Deployment/${n}: volumeMount ${m.name} has no volume`);
    }
    for (const v of tpl.spec.volumes ?? []) {
      if (v.configMap && !v.configMap.optional && !names("ConfigMap").has(v.configMap.name))
        errors.push(`Deployment/${n}: ConfigMap ${v.configMap.name} is not in the bundle`);
    }
    const sa = tpl.spec.serviceAccountName;
    if (sa && !names("ServiceAccount").has(sa)) errors.push(`Deployment/${n}: ServiceAccount ${sa} is not in the bundle`);
  }
  for (const s of byKind("Service")) {
    const target = deployments.find((d) => matches(s.spec.selector, d.spec.template.metadata?.labels));
    if (!target) { errors.push(`Service/${s.metadata.name}: selector matches no Deployment's pods`); continue; }
    const ports = new Set(target.spec.template.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.name)));
    for (const p of s.spec.ports) if (typeof p.targetPort === "string" && !ports.has(p.targetPort))
      errors.push(`Service/${s.metadata.name}: targetPort ${p.targetPort} is not a container port`);
  }
  for (const p of byKind("PodDisruptionBudget")) {
    if (!deployments.some((d) => matches(p.spec.selector.matchLabels, d.spec.template.metadata?.labels)))
      errors.push(`PodDisruptionBudget/${p.metadata.name}: selector matches no Deployment's pods`);
  }
  for (const h of byKind("HorizontalPodAutoscaler")) {
    const ref = h.spec.scaleTargetRef;
    if (ref.kind !== "Deployment" || !names("Deployment").has(ref.name))
      errors.push(`HorizontalPodAutoscaler/${h.metadata.name}: target ${ref.kind}/${ref.name} is not in the bundle`);
    if (h.spec.minReplicas > h.spec.maxReplicas) errors.push(`HorizontalPodAutoscaler/${h.metadata.name}: minReplicas > maxReplicas`);
  }
  return errors;
}

async function check(docs) {
  const schema = await schemaLayer(docs);
  const unknown = schema.length ? [] : unknownFieldLayer(docs);
  const refs = schema.length ? [] : referenceLayer(docs);
  return { schema, unknown, refs };
}

async function selfTest() {
  const base = {
    apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "t" },
    spec: { selector: { matchLabels: { a: "b" } }, template: { metadata: { labels: { a: "b" } },
      spec: { containers: [{ name: "c", image: "i", ports: [{ name: "http", containerPort: 8080 }],
        readinessProbe: { httpGet: { path: "/", port: "http" } } }] } } },
  };
  const clone = () => JSON.parse(JSON.stringify(base));
  const cases = [];
  cases.push(["a valid Deployment", clone(), null]);
  let o = clone(); o.spec.replicas = "two"; cases.push(["replicas: \"two\"", o, "schema"]);
  o = clone(); delete o.spec.template; cases.push(["no spec.template", o, "schema"]);
  o = clone(); o.spec.replicass = 2; cases.push(["a top-level typo (replicass)", o, "unknown"]);
  o = clone(); o.spec.template.spec.containers[0].readinessProbe.httpGett = {}; cases.push(["a nested typo (httpGett)", o, "unknown"]);
  o = clone(); o.spec.template.spec.containers[0].readinessProbe.httpGet.port = "mgmt"; cases.push(["a probe on an unknown port", o, "refs"]);
  let failed = 0;
  for (const [name, obj, expect] of cases) {
    const r = await check([{ obj, source: "self-test" }]);
    const got = r.schema.length ? "schema" : r.unknown.length ? "unknown" : r.refs.length ? "refs" : null;
    const ok = got === expect;
    if (!ok) failed++;
    console.log(`  self-test ${ok ? "ok  " : "FAIL"} ${name}: ${got ? "rejected by " + got : "accepted"}`);
  }
  return failed;
}

const args = process.argv.slice(2);
if (args[0] === "--self-test") {
  process.exit((await selfTest()) ? 1 : 0);
}
if (!args.length) { console.error("usage: validate.mjs FILE... | - | --self-test"); process.exit(2); }
const docs = [];
for (const a of args) docs.push(...loadDocs(fs.readFileSync(a === "-" ? 0 : a, "utf8"), a === "-" ? "stdin" : a));
const r = await check(docs);
for (const doc of docs) console.log(`  ${label(doc)} (${doc.obj.apiVersion})`);
const all = [...r.schema.map((e) => "schema: " + e), ...r.unknown.map((e) => "unknown field: " + e), ...r.refs.map((e) => "reference: " + e)];
for (const e of all) console.log(`  ERROR ${e}`);
console.log(`${docs.length} manifests: ${all.length ? all.length + " errors" : "valid"} (schema, unknown fields, references)`);
process.exit(all.length ? 1 : 0);
