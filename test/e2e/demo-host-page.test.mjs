// The demo host page as practice staff use it: the World switch reloads every widget (the
// Permissions tab never goes blank), and a client switch with unsaved permission changes asks first
// in the host's own dialog (`hasUnsavedChanges`), keeping the client or discarding on request.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, recordingPage, widgetsSettled } from './browser.mjs';
import registry from '../../src/widgets.json' with { type: 'json' };

// The client page's widgets (the practice overview has a view of its own).
const WIDGETS = registry.widgets.filter((w) => w.clientScoped).map((w) => w.tag);

/** Records which widgets reported a load, from now on (the host hears `portal-load`). */
async function recordLoads(page) {
  await page.evaluate(() => {
    window.__loads = [];
    document.addEventListener('portal-load', (e) => window.__loads.push(e.detail.widget));
  });
  return {
    /** Waits until every widget loaded again since the last `reset()`. */
    everyWidget: (timeout = 30_000) => page.waitForFunction((tags) => tags.every((t) => window.__loads.includes(t)), WIDGETS, { timeout, polling: 100 }),
    reset: () => page.evaluate(() => (window.__loads = [])),
  };
}

describe('demo host page', () => {
  let env;
  before(async () => (env = await openBrowser()));
  after(async () => env?.close());

  it('choosing a World reloads every widget, and the Permissions tab shows that world', async () => {
    const page = await recordingPage(env.browser);
    await page.goto(`${env.url}/examples/host-page.html#client=cl_active&tab=permissions`);
    await widgetsSettled(page);
    const editor = page.locator('portal-permissions-editor');
    const pay = editor.getByRole('switch', { name: 'Pay outstanding balance' });
    assert.equal(await pay.isChecked(), true);
    const loads = await recordLoads(page);

    await page.getByLabel('World').selectOption({ label: 'Portal off for practice' });
    await editor.getByText('The client portal is off for the whole practice').waitFor();
    await loads.everyWidget();
    // Not blank: the permissions are there, editable.
    assert.equal(await editor.getByRole('switch', { name: 'Use secure messaging' }).isChecked(), true);
    await page.getByRole('tab', { name: 'Client portal' }).click();
    await page.locator('guardian-manager').getByText(/client portal is off for the practice/).waitFor();

    await loads.reset();
    await page.getByLabel('World').selectOption({ label: 'No payments account' });
    await loads.everyWidget();
    await page.getByRole('tab', { name: 'Permissions' }).click();
    await editor.getByText(/the practice has no active online payments account/).waitFor();
    assert.equal(await pay.isChecked(), false, 'this world stores pay-balance off');
    assert.equal(await editor.getByText('The client portal is off for the whole practice').count(), 0);
    assert.match(page.url(), /world=no-payments-account/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('loading a world from the address still works', async () => {
    const page = await recordingPage(env.browser);
    await page.goto(`${env.url}/examples/host-page.html#client=cl_active&tab=permissions&world=portal-off`);
    await widgetsSettled(page);
    await page.locator('portal-permissions-editor').getByText('The client portal is off for the whole practice').waitFor();
    assert.equal(await page.getByLabel('World').inputValue(), 'portal-off');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('a client switch with unsaved permission changes asks first: stay keeps them, discard switches', async () => {
    const page = await recordingPage(env.browser);
    await page.goto(`${env.url}/examples/host-page.html#client=cl_minor_guardian&tab=permissions`);
    await widgetsSettled(page);
    const editor = page.locator('portal-permissions-editor');
    const messaging = editor.getByRole('switch', { name: 'Use secure messaging' });
    await messaging.click();
    await editor.getByText('Unsaved changes (1)').waitFor();

    const clients = page.getByRole('complementary', { name: 'Clients' });
    await clients.getByRole('button', { name: 'Avery Testwood' }).click();
    const prompt = page.getByRole('dialog', { name: 'Unsaved changes' });
    await prompt.waitFor();
    assert.match(await prompt.textContent(), /Indy Minor \(14\) has permission changes that are not saved\. Switching to Avery Testwood discards them\./);
    await prompt.getByRole('button', { name: 'Stay on Indy Minor (14)' }).click();
    await prompt.waitFor({ state: 'hidden' });
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Indy Minor (14)');
    assert.equal(await messaging.isChecked(), false);
    await editor.getByText('Unsaved changes (1)').waitFor();
    assert.match(page.url(), /client=cl_minor_guardian/);

    // The World switch asks too; staying puts the select back.
    await page.getByLabel('World').selectOption({ label: 'Portal off for practice' });
    await prompt.waitFor();
    await page.keyboard.press('Escape');
    await prompt.waitFor({ state: 'hidden' });
    // The host puts the select back in the dialog's close event, a task after it hides.
    await page.waitForFunction((select) => select.value === 'default', await page.getByLabel('World').elementHandle(), { timeout: 30_000 });
    assert.equal(await page.getByLabel('World').inputValue(), 'default');
    await editor.getByText('Unsaved changes (1)').waitFor();

    await clients.getByRole('button', { name: 'Avery Testwood' }).click();
    await prompt.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Avery Testwood' }).waitFor();
    await editor.getByRole('switch', { name: 'Pay outstanding balance' }).waitFor();
    assert.equal(await editor.getByText(/Unsaved changes/).count(), 0);
    assert.equal(await messaging.isChecked(), true, "Avery's own saved permissions");
    // The widget told the host it dropped the changes with the client.
    await page.locator('#event-log li', { hasText: 'portal-before-client-change' }).first().waitFor();

    // Nothing unsaved: switching asks nothing.
    await clients.getByRole('button', { name: 'Blake Sampleton' }).click();
    await page.getByRole('heading', { level: 1, name: 'Blake Sampleton' }).waitFor();
    assert.equal(await prompt.isVisible(), false);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('demo host page: the Practice view', () => {
  let env;
  before(async () => (env = await openBrowser()));
  after(async () => env?.close());

  it('counts every client, lists a finding, bulk-resends what the dry run said, then nothing; Open client switches the client', async () => {
    const page = await recordingPage(env.browser);
    await page.goto(`${env.url}/examples/host-page.html#client=cl_active`);
    await widgetsSettled(page);
    await page.getByRole('link', { name: 'Practice' }).click();
    const overview = page.locator('portal-practice-overview');
    // The counts match the mock's fixtures: every client of the store, by state.
    const byState = await page.evaluate(async () => {
      // start() answers the demo's running mock.
      const clients = [...(await window.PortalWidgetsMock.start()).store.clients.values()];
      return { total: clients.length, invited: clients.filter((c) => c.access.state === 'invited').length };
    });
    await overview.getByText(`${byState.total} clients: who got into the portal`).waitFor();
    await overview.getByRole('heading', { level: 3, name: `Invited ${byState.invited} clients` }).waitFor();

    await overview.getByRole('list', { name: 'Invited: Held by' }).getByRole('button', { name: /^Invited, never signed in/ }).click();
    await overview.locator('[part~="row"]').first().waitFor();
    await overview.getByRole('button', { name: 'Resend to all…' }).click();
    const dialog = overview.getByRole('dialog');
    const preview = await dialog.getByText(/^Sends \d+ emails to \d+ families/).textContent();
    const [, emails] = /^Sends (\d+) emails/.exec(preview);
    await dialog.getByRole('button', { name: `Send ${emails} emails` }).click();
    await dialog.getByText(preview.replace(/^Sends/, 'Sent')).waitFor();
    const sentTo = await page.evaluate(async () => (await window.PortalWidgetsMock.start()).store.emails.map((e) => e.to));
    assert.equal(sentTo.length, Number(emails));
    assert.deepEqual(sentTo.filter((to) => !to.endsWith('@example.com')), [], 'no mistyped or bounced address');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await overview.getByRole('button', { name: 'Resend to all…' }).click();
    await dialog.getByText(/^Nothing to send; /).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('#event-log li', { hasText: 'portal-bulk-invitations-sent' }).first().waitFor();

    const row = overview.locator('[part~="row"]').first();
    const name = (await row.locator('bdi').textContent()).trim();
    await row.getByRole('button', { name: `Open client: ${name}` }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.locator('portal-invite-status').getByRole('heading', { name: 'Client portal access' }).waitFor();
    assert.match(page.url(), /view=clients/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
