// What a widget watches is derived from the reads its load declares: a write that changes what one
// of them shows (the write's effects) must reach it, and nothing else should.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resourcesShownBy } from '../../src/api/portal-client.js';

describe('resourcesShownBy()', () => {
  it('names the resource each read shows, once, and nothing for the session', () => {
    assert.deepEqual(resourcesShownBy(['getPractice', 'getClient', 'getPortalAccess', 'listContacts']).sort(), ['client', 'contacts', 'portal-access', 'practice']);
    assert.deepEqual(resourcesShownBy(['listDocuments', 'searchDocuments']), ['documents']);
    assert.deepEqual(resourcesShownBy(['getSession']), []);
  });

  it('the practice overview counts every client: it is changed by their access, contacts, details and the practice', () => {
    assert.deepEqual(resourcesShownBy(['getPortalOverview']).sort(), ['client', 'contacts', 'portal-access', 'portal-overview', 'practice']);
  });
});
