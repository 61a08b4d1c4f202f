/** A schema to build on first use (`b`), and once built, the schema (`s`). Short names: they ship. */
type Deferred = { b: () => object; s?: object };

/**
 * Every read (`schema._zod`, `schema.shape`, `schema.options`…), `in` check and prototype lookup is
 * answered by the built schema, built the first time. Nothing writes to a schema once built, and
 * nothing lists its keys, so those operations are not forwarded.
 */
const forward: ProxyHandler<Deferred> = {
  get: (d, key) => Reflect.get((d.s ??= d.b()), key),
  has: (d, key) => key in (d.s ??= d.b()),
  getPrototypeOf: (d) => Object.getPrototypeOf((d.s ??= d.b())),
};

/**
 * A schema built the first time anything reads it, instead of when its module is evaluated.
 *
 * Building every schema of the API takes about 13 ms on a fast machine (several times that on a
 * clinic PC), all of it before the first request could leave. Wrapped in `lazySchema`, a schema
 * costs nothing until the client validates an answer with it (or a form, the mock server, the
 * OpenAPI script or a schema built from it reads it), and each is built once.
 *
 * The value stands in for the schema: same type, and `instanceof` and zod's functions see the
 * built schema; it keeps one identity, so registries keyed by schema (the OpenAPI names) find it.
 * Only top-level definitions are wrapped; what they contain is built with them.
 */
export function lazySchema<T extends object>(build: () => T): T {
  return new Proxy<Deferred>({ b: build }, forward) as unknown as T;
}
