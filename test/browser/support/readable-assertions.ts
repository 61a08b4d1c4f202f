// A failing assertion about a DOM node (`expect(dialog).to.equal(null)`) keeps the node as the
// error's `actual`. The test runner serialises that object graph to report it, and the browser
// session dies with "browser disconnected" instead of a message. Failures therefore carry a short
// description of the node (tag, id, part, text) in its place.
import { chai } from '@open-wc/testing';

const TEXT_LIMIT = 120;

function describeNode(node: Node): string {
  if (!(node instanceof Element)) return `${node.nodeName} "${(node.textContent ?? '').trim().slice(0, TEXT_LIMIT)}"`;
  const attrs = ['id', 'part', 'role', 'aria-label', 'name']
    .map((name) => (node.hasAttribute(name) ? ` ${name}="${node.getAttribute(name)}"` : ''))
    .join('');
  const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, TEXT_LIMIT);
  return `<${node.localName}${attrs}> "${text}"`;
}

function readable(value: unknown): unknown {
  if (value instanceof Node) return describeNode(value);
  if (Array.isArray(value) && value.some((v) => v instanceof Node)) return value.map(readable);
  return value;
}

export function installReadableAssertions(): void {
  for (const key of ['actual', 'expected']) {
    Object.defineProperty(chai.AssertionError.prototype, key, {
      configurable: true,
      set(this: object, value: unknown) {
        Object.defineProperty(this, key, { value: readable(value), writable: true, enumerable: true, configurable: true });
      },
    });
  }
}
