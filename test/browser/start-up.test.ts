// Start-up (issue #23): loading the SDK, every widget included, builds no zod schema; the schemas
// an answer needs are built when it arrives. The node test (test/node/schemas-lazy.test.ts)
// covers the schemas, client and domain rules; this one covers the components' modules, which
// read lists such as the activity kinds when they load.
import { expect } from '@open-wc/testing';

describe('start-up', () => {
  it('loading every widget builds no schema', async () => {
    // zod calls this hook for each schema it constructs (read at construction, so set before).
    let constructed = 0;
    const config = ((globalThis as { __zod_globalConfig?: { postProcessor?: () => void } }).__zod_globalConfig ??= {});
    config.postProcessor = () => void constructed++;
    try {
      await import('../../src/index.js');
      expect(customElements.get('portal-activity-log'), 'the widgets are defined').to.exist;
      expect(constructed, 'schemas built while loading').to.equal(0);
      // The hook does count: a schema used is built.
      const { ActivityKind } = await import('../../src/schemas/index.js');
      expect(ActivityKind.options).to.include('invitation_sent');
      expect(constructed).to.be.greaterThan(0);
    } finally {
      delete config.postProcessor;
    }
  });
});
