// Every widget × every fault the portal API can throw at it while loading. Each cell asserts what a
// person sees (a clear sentence, a Try again button that works, or no error at all when the client
// recovers by itself) and that nothing reached the console.
import { commonMessages, problemMessages } from '../../src/i18n/common.messages.js';
import type { Fault } from '../../mock-server/faults.js';
import { expect, expectQuietConsole, loaded, mount, nextLoad, requestsSettled, useMock, user, waitFor, within, WIDGET_TAGS, type Mock } from './support/index.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';

const WIDGETS = WIDGET_TAGS;
const en = commonMessages.en;

interface Cell {
  name: string;
  fault: Fault;
  /** The sentence the user must see; null when the client recovers without showing an error. */
  says: string | null;
  timeoutMs?: number;
}

const CELLS: Cell[] = [
  { name: '500', fault: { status: 500 }, says: en.serverError },
  { name: '503 then success', fault: { status: 503, times: 1 }, says: null },
  { name: 'timeout', fault: { hang: true }, says: en.timeoutError, timeoutMs: 250 },
  { name: 'network down', fault: { network: true }, says: en.networkError },
  { name: '401 then token refresh', fault: { status: 401, times: 1 }, says: null },
  { name: '403', fault: { status: 403 }, says: problemMessages.en.forbidden },
  { name: '404', fault: { status: 404 }, says: problemMessages.en.not_found },
  { name: '409', fault: { status: 409, code: 'stale_version' }, says: problemMessages.en.stale_version },
  { name: '412', fault: { status: 412, code: 'stale_version' }, says: problemMessages.en.stale_version },
  { name: '422 problem+json', fault: { status: 422, code: 'no_consented_email' }, says: problemMessages.en.no_consented_email },
  { name: 'malformed JSON', fault: { malformed: true }, says: en.contractError },
  { name: 'a body that breaks the schema', fault: { schemaBreak: true }, says: en.contractError },
];

describe('fault matrix: every widget under every load fault', function () {
  this.timeout(40_000);
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(async () => {
    mock.faults.clear();
    expectQuietConsole();
    // Removing the widgets aborts their loads; a request still on its way would meet the next
    // cell's fault and leave that cell's widget untouched by it.
    expect(await requestsSettled(), 'requests settled after the widget was removed').to.equal(true);
  });

  for (const tag of WIDGETS) {
    describe(`<${tag}>`, () => {
      for (const cell of CELLS) {
        it(cell.name, async () => {
          mock.faults.set('*', cell.fault);
          const tokenCalls: boolean[] = [];
          const getToken = ({ forceRefresh }: { forceRefresh: boolean }) => {
            tokenCalls.push(forceRefresh);
            return forceRefresh ? 'fresh-token' : 'stale-token';
          };
          const el = await mount<HTMLElement & { updateComplete: Promise<unknown> }>(
            staticHtml`<${unsafeStatic(tag)} client-id="cl_active"></${unsafeStatic(tag)}>`,
            { getToken, timeoutMs: cell.timeoutMs },
          );
          const first = await loaded(el);
          const view = within(el.shadowRoot as unknown as HTMLElement);

          if (cell.says === null) {
            expect(first.type, 'the client recovers by itself').to.equal('portal-load');
            expect(view.queryByShadowRole('alert')).to.equal(null);
            // The 401 may have met a request outside the first load (billing's payment history).
            if (cell.name.startsWith('401')) await waitFor(() => expect(tokenCalls).to.include(true));
            // A section that loads on its own (billing's payment history) may have met the fault:
            // no error once it has loaded too.
            await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="pending"]'), 'a section still loading').to.equal(null));
            expect(view.queryByShadowRole('alert')).to.equal(null);
            return;
          }

          expect(first.type).to.equal('portal-error');
          const alert = await view.findByShadowRole('alert');
          expect(alert.textContent).to.contain(cell.says);
          await expect(el).to.be.accessible();

          // The fault goes away; Try again must bring the widget back.
          mock.faults.clear();
          // Requests still in flight from the failed load (the client's own retries of a GET) would
          // fail once more if Try again joined them: "the fault went away" means cleared and quiet.
          expect(await requestsSettled(), 'the failed load settled').to.equal(true);
          const reloaded = nextLoad(el);
          await user().click(within(alert).getByRole('button', { name: en.retry }));
          const again = await reloaded;
          expect(again.type, `after Try again: ${JSON.stringify(again.detail)}`).to.equal('portal-load');
          await waitFor(() => expect(view.queryByShadowRole('alert')).to.equal(null));
        });
      }
    });
  }
});

