// <portal-invite-status>: what sending an invitation costs on the wire. The answer to the send is
// the client's portal access, so the refresh that follows shows it without asking for it again.
import { expect, html, mount, loaded, nextLoad, useMock, expectQuietConsole, within, waitFor, user, requestsSettled } from './support/index.js';
import type { PortalInviteStatusElement } from '../../src/index.js';

type El = PortalInviteStatusElement;

const root = (el: El) => el.shadowRoot!;
const inDialog = (el: El, name: string) => within(root(el).getElementById(`${name}-dialog`) as HTMLElement);
const badge = (el: El) => root(el).querySelector('[part~="status-badge"]')!.textContent!.trim();

/** Records `METHOD /path` of every request the page makes until `stop()`. */
function recordRequests() {
  const seen: string[] = [];
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    // Read, never consumed: the request (and its body) goes on untouched.
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const url = input instanceof Request ? input.url : String(input);
    seen.push(`${method.toUpperCase()} ${new URL(url, document.baseURI).pathname.replace(/^.*\/api\/portal/, '')}`);
    return original(input, init);
  };
  return { seen, stop: () => void (window.fetch = original) };
}

describe('<portal-invite-status> requests', function () {
  this.timeout(20_000);
  beforeEach(async () => {
    await useMock();
  });
  afterEach(() => expectQuietConsole());

  it('sending an invitation shows the new access without reading it again', async () => {
    const el = await mount<El>(html`<portal-invite-status client-id="cl_not_invited"></portal-invite-status>`);
    await loaded(el);
    await requestsSettled();
    const actions = within(root(el).querySelector('[part~="actions"]') as HTMLElement);
    const requests = recordRequests();
    try {
      await user().click(await actions.findByShadowRole('button', { name: 'Send invitation' }));
      const reloaded = nextLoad(el);
      await user().click(await inDialog(el, 'invite').findByShadowRole('button', { name: 'Send invitation' }));
      await reloaded;
      await waitFor(() => expect(badge(el)).to.equal('Invited'));
      await requestsSettled();
    } finally {
      requests.stop();
    }
    expect(requests.seen.filter((r) => r.endsWith('/portal-access/invitations'))).to.deep.equal(['POST /clients/cl_not_invited/portal-access/invitations']);
    expect(requests.seen.filter((r) => r === 'GET /clients/cl_not_invited/portal-access')).to.deep.equal([]);
  });
});
