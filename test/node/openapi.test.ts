/// <reference types="node" />
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { declaredProblems, operations, type Operation, type OperationName } from '../../src/api/operations.js';
import { ProblemCode } from '../../src/schemas/index.js';
import { OPENAPI_FILE, buildOpenApi, generatedFiles, renderOpenApi } from '../../scripts/openapi.js';
import { applyDocSections, docSections } from '../../scripts/openapi/doc-sections.js';
import { operationDocs, problems, widgets } from '../../scripts/openapi/operation-docs.js';

type Json = Record<string, any>;
const committed = readFileSync(OPENAPI_FILE, 'utf8');
const doc = JSON.parse(committed) as Json;
const names = Object.keys(operations) as OperationName[];
const operationOf = (name: OperationName): Json => {
  const op = operations[name];
  return doc.paths[op.path]?.[op.method];
};
const resolve = (node: Json): Json => {
  if (!node.$ref) return node;
  const target = (node.$ref as string).replace(/^#\//, '').split('/').reduce<Json>((o, k) => o[k], doc);
  return resolve(target);
};

describe('docs/openapi.json', () => {
  test('the committed file equals a fresh generation (run `npx tsx scripts/openapi.ts`)', () => {
    assert.equal(committed, renderOpenApi());
  });

  test('the generated lists in docs/*.md match the operations table (run `npm run openapi`)', () => {
    const docs = generatedFiles().filter((f) => f.file !== OPENAPI_FILE);
    assert.equal(docs.length, 2);
    for (const { file, text } of docs) assert.equal(readFileSync(file, 'utf8'), text, file);
    const sections = docSections();
    const ifMatch = names.filter((n) => (operations[n] as Operation).ifMatch);
    assert.ok(ifMatch.length > 0);
    for (const name of names) assert.equal(sections['if-match']!.includes(`\`${name}\``), ifMatch.includes(name), name);
    for (const { file } of docs) {
      const md = readFileSync(file, 'utf8');
      assert.ok(md.includes(`<!-- ops:if-match -->${sections['if-match']}<!-- /ops:if-match -->`), `${file} lists the If-Match writes`);
      assert.ok(md.includes(`<!-- ops:idempotency-key -->${sections['idempotency-key']}<!-- /ops:idempotency-key -->`), `${file} lists the idempotent writes`);
    }
  });

  test('a stale generated list is rewritten, an unknown marker refused', () => {
    assert.equal(applyDocSections('a <!-- ops:if-match -->`old`<!-- /ops:if-match --> b'), `a <!-- ops:if-match -->${docSections()['if-match']}<!-- /ops:if-match --> b`);
    assert.throws(() => applyDocSections('<!-- ops:nope -->x<!-- /ops:nope -->'), /Unknown ops marker nope/);
  });

  test('generation is deterministic', () => {
    assert.deepEqual(buildOpenApi(), buildOpenApi());
  });

  test('is OpenAPI 3.1 with a bearer scheme applied globally', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(doc.security, [{ bearer: [] }]);
    assert.deepEqual(doc.components.securitySchemes.bearer, { ...doc.components.securitySchemes.bearer, type: 'http', scheme: 'bearer' });
  });

  test('every operation of the table is in it, once, at its method and path', () => {
    const ids: string[] = [];
    for (const item of Object.values(doc.paths as Json)) for (const o of Object.values(item as Json)) ids.push((o as Json).operationId);
    assert.deepEqual(ids.sort(), [...names].sort());
    for (const name of names) assert.equal(operationOf(name)?.operationId, name, name);
  });

  for (const name of names) {
    test(`${name}: docs, parameters, bodies and responses follow the table`, () => {
      const op: Operation = operations[name];
      const o = operationOf(name);
      assert.equal(o.summary, operationDocs[name].summary);
      assert.ok(o.description.length > 0);
      assert.equal(o.tags.length, 1);
      assert.deepEqual(o['x-widgets'], [...operationDocs[name].widgets]);
      assert.ok(o['x-widgets'].length > 0);

      const params = ((o.parameters ?? []) as Json[]).map(resolve);
      const pathNames = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      assert.deepEqual(params.filter((p) => p.in === 'path').map((p) => p.name), pathNames);
      const headers = params.filter((p) => p.in === 'header').map((p) => p.name);
      assert.equal(headers.includes('If-Match'), !!op.ifMatch);
      assert.equal(headers.includes('Idempotency-Key'), !!op.idempotencyKey);
      if (op.query) assert.deepEqual(params.filter((p) => p.in === 'query').map((p) => p.name).sort(), Object.keys(op.query._zod.def.shape).sort());

      if (op.body === 'image') assert.deepEqual(Object.keys(o.requestBody.content), ['image/jpeg', 'image/png', 'image/webp']);
      else if (op.body) assert.ok(o.requestBody.content['application/json'].schema);
      else assert.equal(o.requestBody, undefined);

      const success = String(op.status ?? (op.response ? 200 : 204));
      assert.ok(o.responses[success], `success ${success}`);
      const versioned = !!op.response && 'shape' in op.response && 'version' in (op.response.shape as object);
      assert.equal(!!o.responses[success].headers?.ETag, versioned, 'ETag on versioned resources only');
      if (op.response) assert.ok(o.responses[success].content['application/json'].schema);

      const errorStatuses = Object.keys(o.responses).filter((s) => s !== success);
      assert.ok(errorStatuses.includes('401'));
      for (const status of errorStatuses) {
        const r = resolve(o.responses[status]);
        assert.equal(r.content['application/problem+json'].schema.$ref, '#/components/schemas/Problem', `${status}`);
      }
      const codes = errorStatuses.flatMap((s) => Object.keys(resolve(o.responses[s]).content['application/problem+json'].examples));
      assert.deepEqual([...codes].sort(), [...declaredProblems(name)].sort(), `${name} documents exactly the problems it declares`);
      if (op.body && op.body !== 'image') assert.ok(codes.includes('payload_too_large') && codes.includes('unsupported_media_type'));
      if (op.ifMatch) assert.ok(codes.includes('stale_version') && codes.includes('precondition_required'));
      if (op.idempotencyKey) assert.ok(codes.includes('idempotency_key_required') && codes.includes('idempotency_key_reused'));
    });
  }

  test('every problem code is answered by some operation, under its documented status', () => {
    const seen = new Map<string, string>();
    for (const name of names) {
      const o = operationOf(name);
      for (const [status, response] of Object.entries(o.responses as Json)) {
        const examples = resolve(response as Json).content?.['application/problem+json']?.examples ?? {};
        for (const code of Object.keys(examples)) seen.set(code, status);
      }
    }
    // 405 answers a method a path does not have: no operation's answer (the info description says so).
    for (const code of ProblemCode.options.filter((c) => c !== 'method_not_allowed')) {
      assert.ok(seen.has(code), `${code} is returned by no operation`);
      const status = problems[code].status;
      assert.equal(seen.get(code), status >= 500 ? '5XX' : String(status), code);
      assert.equal(resolve({ $ref: `#/components/examples/${code}` }).value.status, status);
    }
  });

  test('every widget uses at least one operation', () => {
    const used = new Set(names.flatMap((name) => operationOf(name)['x-widgets'] as string[]));
    assert.deepEqual([...used].sort(), [...widgets].sort());
  });

  test('every registered schema is a component', () => {
    for (const id of ['Problem', 'PortalAccess', 'PaymentRequest', 'Contact', 'IntakeDocumentPage', 'TokenizedCard']) assert.ok(doc.components.schemas[id], id);
    assert.ok(!committed.includes('#/$defs/'));
  });

  test('docs/api.md names every operation and every problem code', () => {
    const md = readFileSync(fileURLToPath(new URL('../../docs/api.md', import.meta.url)), 'utf8');
    for (const name of names) assert.ok(md.includes(`| \`${name}\` | ${operations[name].method.toUpperCase()} | \`${operations[name].path}\` |`), name);
    for (const code of ProblemCode.options) assert.ok(md.includes(`| \`${code}\` | ${problems[code].status} |`), code);
  });

  test('Redocly (recommended rules) reports no errors and no warnings', () => {
    const cli = fileURLToPath(new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url));
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const run = spawnSync(process.execPath, [cli, 'lint', 'docs/openapi.json', '--format=summary'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' },
    });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const out = run.stdout + run.stderr;
    assert.match(out, /Your API description is valid/);
    assert.doesNotMatch(out, /^(warning|error) [\w-]+: \d+/m, 'no rule problems');
    assert.doesNotMatch(out, /You have \d+ warning/);
  });
});
