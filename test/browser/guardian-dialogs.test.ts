// The guardian manager's dialogs as a person sees them: the submit button says what it does, every
// dialog keeps one shape, and its title stands apart from what follows.
import { expect, html, mount, loaded, useMock, expectQuietConsole, within, user, waitFor, sendKeys, viewOf } from './support/index.js';
import type { GuardianManagerElement } from '../../src/index.js';

type El = GuardianManagerElement;


async function mountManager(clientId: string) {
  const el = await mount<El>(html`<guardian-manager client-id=${clientId}></guardian-manager>`);
  await loaded(el);
  return el;
}

/** Opens a dialog with a click, measures it, and closes it with Escape. */
async function openAndMeasure(el: El, opener: string, title: string | RegExp) {
  const view = viewOf(el);
  await user().click(view.getAllByShadowRole('button', { name: opener })[0]!);
  const dialog = (await view.findByShadowRole('dialog', { name: title })) as HTMLDialogElement;
  const heading = within(dialog).getByShadowRole('heading', { name: title });
  const next = heading.nextElementSibling!;
  const fontSize = parseFloat(getComputedStyle(heading).fontSize);
  const bodySize = parseFloat(getComputedStyle(dialog).fontSize);
  const measured = {
    width: Math.round(dialog.getBoundingClientRect().width),
    gapBelowTitle: next.getBoundingClientRect().top - heading.getBoundingClientRect().bottom,
    titleLarger: fontSize > bodySize,
  };
  await sendKeys({ press: 'Escape' });
  await waitFor(() => expect(dialog.open).to.equal(false));
  return measured;
}

describe('<guardian-manager> dialogs', () => {
  beforeEach(async () => {
    await useMock();
  });
  afterEach(() => expectQuietConsole());

  it('"Add a legal guardian" is submitted with "Add legal guardian", and says "Add contact" once the box is unchecked', async () => {
    const el = await mountManager('cl_minor_no_guardian');
    const view = viewOf(el);
    await user().click(view.getByShadowRole('button', { name: 'Add legal guardian' }));
    const dialog = within(await view.findByShadowRole('dialog', { name: 'Add a legal guardian' }));
    expect(dialog.getByShadowRole('button', { name: 'Add legal guardian' })).to.exist;
    expect(dialog.queryByShadowRole('button', { name: 'Add contact' })).to.equal(null);
    await user().click(dialog.getByShadowRole('checkbox', { name: 'Legal guardian' }));
    await waitFor(() => expect(dialog.getByShadowRole('button', { name: 'Add contact' })).to.exist);
    await user().click(dialog.getByShadowRole('checkbox', { name: 'Legal guardian' }));
    await waitFor(() => expect(dialog.getByShadowRole('button', { name: 'Add legal guardian' })).to.exist);
    await expect(el).to.be.accessible();
  });

  it('every dialog has the same width and a title set apart from its content', async () => {
    const el = await mountManager('cl_minor_guardian');
    const shapes = [
      await openAndMeasure(el, 'Add contact', 'Add a contact'),
      await openAndMeasure(el, 'Invite to portal: Kai Minor', 'Invite Kai Minor to the portal'),
      await openAndMeasure(el, 'Remove: Jordan Minor', 'Remove Jordan Minor?'),
      await openAndMeasure(el, 'Edit: Kai Minor', 'Edit Kai Minor'),
    ];
    const widths = new Set(shapes.map((s) => s.width));
    expect(widths.size, `widths ${[...widths].join(', ')}`).to.equal(1);
    for (const s of shapes) {
      expect(s.titleLarger, 'title larger than the text').to.equal(true);
      expect(s.gapBelowTitle, 'space under the title').to.be.at.least(10);
    }
  });
});
