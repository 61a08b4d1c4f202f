/// <reference types="node" />
/**
 * Writes docs/openapi.json (OpenAPI 3.1) from the zod schemas and the operations table, and the
 * lists in docs/*.md the table decides (`<!-- ops:… -->` markers, scripts/openapi/doc-sections.ts).
 *
 *   npx tsx scripts/openapi.ts           write the files
 *   npx tsx scripts/openapi.ts --check   exit 1 when a committed file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import { declaredProblems, operations, type Operation, type OperationName } from '../src/api/operations.js';
import { Id, INSURANCE_IMAGE_TYPES, INSURANCE_IMAGE_MAX_BYTES, type ProblemCode } from '../src/schemas/index.js';
import { operationDocs, pathParams, problems, queryParams, tags } from './openapi/operation-docs.js';
import { applyDocSections, DOC_FILES } from './openapi/doc-sections.js';
import { registerSchemaDocs } from './openapi/schema-docs.js';

registerSchemaDocs();

type Json = Record<string, unknown>;

export const OPENAPI_FILE = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
const PACKAGE_FILE = fileURLToPath(new URL('../package.json', import.meta.url));

const ref = (id: string) => `#/components/schemas/${id}`;
const jsonOptions = { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' } as const;

const statusTitles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Drops keys that say nothing: `$schema`/`$id` per schema and the safe-integer bounds of `z.int()`. */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '$schema' || key === '$id') continue;
    if ((key === 'maximum' && v === Number.MAX_SAFE_INTEGER) || (key === 'minimum' && v === Number.MIN_SAFE_INTEGER)) continue;
    out[key] = tidy(v);
  }
  return out;
}

function buildComponents(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { ...jsonOptions, uri: ref });
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)).map(([id, s]) => [id, tidy(s) as Json]));
}

/** A `$ref` for a registered schema; otherwise the schema inline, its registered parts as `$ref`s. */
function schemaFor(schema: z.core.$ZodType, components: Record<string, Json>): Json {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: ref(id) };
  const json = z.toJSONSchema(schema, jsonOptions) as Json;
  const defs = (json.$defs ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(defs)) if (!components[name]) throw new Error(`Inline schema uses unregistered $def ${name}`);
  delete json.$defs;
  const text = JSON.stringify(tidy(json)).replaceAll('"#/$defs/', '"#/components/schemas/');
  return JSON.parse(text) as Json;
}

/** Problem codes of one operation grouped by response status (5xx as `5XX`), statuses ascending. */
function problemGroups(codes: readonly ProblemCode[]): [string, ProblemCode[]][] {
  const byStatus = new Map<string, ProblemCode[]>();
  for (const code of [...codes].sort((a, b) => problems[a].status - problems[b].status)) {
    const { status } = problems[code];
    const key = status >= 500 ? '5XX' : String(status);
    byStatus.set(key, [...(byStatus.get(key) ?? []), code]);
  }
  return [...byStatus];
}

const pascal = (code: string) => code.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
const groupName = (codes: readonly ProblemCode[]) => codes.map(pascal).join('Or');

function problemExample(code: ProblemCode): Json {
  const { status, when } = problems[code];
  const value: Json = { type: 'about:blank', title: statusTitles[status], status, code };
  if (code === 'bad_request') value.errors = [{ path: 'email', message: 'Invalid email address' }];
  if (status === 429) value.retryAfterSeconds = 300;
  if (code === 'missing_capability') value.capability = 'portal.invite';
  return { summary: when, value };
}

function problemResponse(key: string, codes: readonly ProblemCode[]): Json {
  const response: Json = {
    description: codes.map((code) => `\`${code}\`: ${problems[code].when}`).join(' '),
    content: {
      'application/problem+json': {
        schema: { $ref: ref('Problem') },
        examples: Object.fromEntries(codes.map((code) => [code, { $ref: `#/components/examples/${code}` }])),
      },
    },
  };
  if (key === '429') response.headers = { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } };
  return response;
}

function isVersioned(schema: z.core.$ZodType | null): boolean {
  const shape = (schema as { shape?: Record<string, unknown> } | null)?.shape;
  return !!shape && 'version' in shape;
}

/** The sentence that says which capability an operation needs (from the operations table). */
function capabilityText(op: Operation): string {
  if (!op.capability) return '';
  const also = op.alsoRequires ? ` and also \`${op.alsoRequires.capability}\` ${op.alsoRequires.when}` : '';
  return ` Needs the \`${op.capability}\` capability${also}; without it: \`403 missing_capability\`.`;
}

function buildOperation(name: OperationName, components: Record<string, Json>, shared: ReadonlySet<string>): Json {
  const op: Operation = operations[name];
  const docs = operationDocs[name];
  const parameters: Json[] = [];
  for (const [, param] of op.path.matchAll(/\{(\w+)\}/g)) parameters.push({ $ref: `#/components/parameters/${pascal(param!)}` });
  if (op.query) {
    const query = schemaFor(op.query, components) as { properties: Record<string, Json>; required?: string[] };
    for (const [param, schema] of Object.entries(query.properties)) {
      const description = queryParams[param];
      if (!description) throw new Error(`No docs for query parameter ${param} (${name})`);
      parameters.push({ name: param, in: 'query', required: query.required?.includes(param) ?? false, description, schema });
    }
  }
  if (op.ifMatch) parameters.push({ $ref: '#/components/parameters/IfMatch' });
  if (op.idempotencyKey) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });

  const out: Json = {
    operationId: name,
    summary: docs.summary,
    description: docs.description + capabilityText(op),
    tags: [docs.tag],
  };
  if (op.capability) out['x-capability'] = op.capability;
  if (op.alsoRequires) out['x-also-requires'] = { capability: op.alsoRequires.capability, when: op.alsoRequires.when };
  if (parameters.length) out.parameters = parameters;
  if (op.body === 'image') {
    out.requestBody = {
      required: true,
      description: `The raw image, at most ${INSURANCE_IMAGE_MAX_BYTES / 1024 / 1024} MB, sent with its own content type.`,
      content: Object.fromEntries(INSURANCE_IMAGE_TYPES.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])),
    };
  } else if (op.body) {
    out.requestBody = { required: true, content: { 'application/json': { schema: schemaFor(op.body, components) } } };
  }

  const status = String(op.status ?? (op.response ? 200 : 204));
  const success: Json = { description: op.response ? (z.globalRegistry.get(op.response)?.description ?? 'OK.') : 'Done; no content.' };
  if (isVersioned(op.response)) success.headers = { ETag: { $ref: '#/components/headers/ETag' } };
  if (op.response) success.content = { 'application/json': { schema: schemaFor(op.response, components) } };
  const responses: Json = { [status]: success };
  for (const [key, codes] of problemGroups(declaredProblems(name))) {
    const group = groupName(codes);
    responses[key] = shared.has(group) ? { $ref: `#/components/responses/${group}` } : problemResponse(key, codes);
  }
  out.responses = responses;
  out['x-widgets'] = [...docs.widgets];
  return out;
}

export function buildOpenApi(): Json {
  const components = buildComponents();
  const names = Object.keys(operations) as OperationName[];

  // Problem responses used by more than one operation become components, as do examples.
  const uses = new Map<string, { key: string; codes: ProblemCode[]; count: number }>();
  const usedCodes = new Set<ProblemCode>();
  for (const name of names) {
    for (const [key, codes] of problemGroups(declaredProblems(name))) {
      const group = groupName(codes);
      const entry = uses.get(group) ?? { key, codes, count: 0 };
      entry.count++;
      uses.set(group, entry);
      for (const code of codes) usedCodes.add(code);
    }
  }
  const sharedResponses = Object.fromEntries(
    [...uses].filter(([, u]) => u.count > 1).sort(([a], [b]) => a.localeCompare(b)).map(([group, u]) => [group, problemResponse(u.key, u.codes)]),
  );
  const shared = new Set(Object.keys(sharedResponses));
  const examples = Object.fromEntries([...usedCodes].sort().map((code) => [code, problemExample(code)]));

  const usedPathParams = new Set(names.flatMap((name) => [...operations[name].path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)));
  const idSchema = tidy(z.toJSONSchema(Id, jsonOptions)) as Json;
  const pathParameters = Object.fromEntries(
    [...usedPathParams].map((param) => {
      const p = pathParams[param];
      if (!p) throw new Error(`No docs for path parameter ${param}`);
      return [pascal(param), { name: param, in: 'path', required: true, description: p.description, schema: p.enum ? { type: 'string', enum: p.enum } : idSchema }];
    }),
  );

  const pkg = JSON.parse(readFileSync(PACKAGE_FILE, 'utf8')) as { version: string };
  const paths: Record<string, Json> = {};
  for (const name of names) {
    const op = operations[name];
    (paths[op.path] ??= {})[op.method] = buildOperation(name, components, shared);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Portal widgets API',
      version: pkg.version,
      summary: 'The client-portal administration API the portal-widgets SDK talks to.',
      description:
        'Generated from the zod schemas and the operations table of portal-widgets (`npx tsx scripts/openapi.ts`); do not edit by hand. See docs/api.md for authentication, errors, concurrency, idempotency, pagination and CORS. Every operation lists every problem it can answer; a method a path does not answer gets `405 method_not_allowed` with `Allow`, and `HEAD` answers like `GET` without a body.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/api/portal', description: 'Wherever the host mounts the API; widgets take this base as `apiBase`.' }],
    security: [{ bearer: [] }],
    tags: Object.entries(tags).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The token the host page returns from `getToken()`. On a 401 the SDK asks for a fresh one once and retries.' },
      },
      parameters: {
        ...pathParameters,
        IfMatch: {
          name: 'If-Match',
          in: 'header',
          required: true,
          description: 'The version the change is based on, as one strong ETag: `"<version>"`. A stale one (or a resource someone else removed) answers 412, a missing one 428, anything else (`*`, a weak ETag, a list) 400.',
          schema: { type: 'string', pattern: '^"[0-9]+"$' },
          example: '"3"',
        },
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: 'A UUID per payment attempt, unique within the practice. The same key and request (client and body) replay the first answer without charging again; the same key with another request answers 422.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
          example: '5b0e6a4e-3f5c-4c61-9a57-2f1f0c6e8d21',
        },
      },
      responses: sharedResponses,
      examples,
      headers: {
        ETag: { description: 'The version of the resource as a strong ETag, `"<version>"`: the same number as `version` in the body.', schema: { type: 'string', pattern: '^"[0-9]+"$' } },
        RetryAfter: { description: 'Seconds until the action is allowed again.', schema: { type: 'integer', minimum: 0 } },
      },
      schemas: components,
    },
  };
}

export function renderOpenApi(): string {
  return `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
}

/** Every generated file with its fresh text: docs/openapi.json and the marked lists in docs/*.md. */
export function generatedFiles(): { file: string; text: string }[] {
  return [{ file: OPENAPI_FILE, text: renderOpenApi() }, ...DOC_FILES.map((file) => ({ file, text: applyDocSections(readFileSync(file, 'utf8')) }))];
}

function main(): void {
  const files = generatedFiles();
  if (process.argv.includes('--check')) {
    const stale = files.filter(({ file, text }) => {
      try {
        return readFileSync(file, 'utf8') !== text;
      } catch {
        return true; // Missing counts as stale.
      }
    });
    if (stale.length) {
      console.error(`Stale: ${stale.map((f) => relative(process.cwd(), f.file)).join(', ')}. Run \`npm run openapi\`.`);
      process.exit(1);
    }
    console.log('docs/openapi.json and the generated lists in docs/*.md are up to date.');
    return;
  }
  for (const { file, text } of files) writeFileSync(file, text);
  console.log(`Wrote docs/openapi.json (${Object.keys(operations).length} operations) and the generated lists in docs/*.md.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
