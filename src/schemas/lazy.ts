/**
 * A schema built the first time anything reads it, instead of when its module is evaluated.
 *
 * Building every schema of the API takes about 13 ms on a fast machine (several times that on a
 * clinic PC), all of it before the first request could leave. Wrapped in `lazySchema`, a schema
 * costs nothing until the client validates an answer with it (or a form, the mock server, the
 * OpenAPI script or a schema built from it reads it), and each is built once.
 *
 * The value stands in for the schema everywhere: same type, `instanceof` and zod's functions see
 * the built schema (every property read, `in` check and prototype lookup is forwarded to it), and
 * it keeps one identity, so registries keyed by schema (the OpenAPI names) find it. Only top-level
 * definitions are wrapped; what they contain is built with them.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => (built ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(schema(), key),
    set: (_, key, value) => Reflect.set(schema(), key, value),
    has: (_, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    // Reported as configurable: a proxy may not claim a non-configurable property its (empty)
    // target lacks, and nothing redefines a schema's properties through it.
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(schema(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(schema(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}
