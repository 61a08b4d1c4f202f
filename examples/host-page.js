// The host page's own script: what an EHR front end would write around the widgets.
const { PortalWidgetsMock } = window;

// The mock's fixture clients (mock-server/fixtures.ts); a real host lists its own.
const CLIENTS = [
  ['cl_active', 'Avery Testwood', 'Adult · signed in'],
  ['cl_invited', 'Blake Sampleton', 'Invited, not signed in'],
  ['cl_not_invited', 'Casey Placeholder', 'Never invited'],
  ['cl_no_consent', 'Devon Nomail', 'Email without consent'],
  ['cl_bounced', 'Emery Typo', 'Invitation bounced'],
  ['cl_disabled', 'Finley Offline', 'Access disabled'],
  ['cl_minor_no_guardian', 'Gale Junior (10)', 'Minor, no legal guardian'],
  ['cl_minor_guardian', 'Indy Minor (14)', 'Minor with guardians'],
  ['cl_large', 'Lane Bulkley', '10,000 documents and payments'],
  ['cl_empty', 'Morgan Blank', 'Nothing yet'],
];

const params = new URLSearchParams(location.hash.slice(1));
const state = {
  client: params.get('client') ?? 'cl_invited',
  world: params.get('world') ?? 'default',
  staff: params.get('staff') ?? 'owner',
  locale: params.get('locale') ?? 'en',
  theme: params.get('theme') ?? 'light',
  tab: params.get('tab') ?? 'portal',
  view: params.get('view') ?? 'clients',
};

const mock = await PortalWidgetsMock.start({ world: state.world, staff: state.staff });
const provider = document.getElementById('provider');
// A real host returns its session's token here (and a fresh one when asked to refresh).
provider.getToken = async () => 'demo-token';
// Card entry goes through a payment processor adapter: a real host passes its Stripe (or other)
// adapter (docs/payments.md); the demo uses the mock one, which accepts 4242 4242 4242 4242.
for (const billing of provider.querySelectorAll('billing-payment-methods')) billing.processor = PortalWidgetsMock.createMockProcessor();

const widgets = () => provider.querySelectorAll('portal-invite-status, guardian-manager, portal-permissions-editor, intake-document-list, billing-payment-methods, portal-activity-log');

function saveState() {
  // Client ids are opaque; no names or emails ever go into the URL.
  history.replaceState(null, '', `#${new URLSearchParams(state)}`);
}

function renderClientList() {
  const list = document.getElementById('client-list');
  list.replaceChildren(
    ...CLIENTS.map(([id, name, note]) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = name;
      button.title = note;
      button.setAttribute('aria-current', String(id === state.client));
      button.addEventListener('click', () => askToSelectClient(id));
      li.append(button);
      return li;
    }),
  );
}

/** Names of clients opened from the practice view (not in the list on the left). */
const opened = new Map();
const nameOf = (id) => (CLIENTS.find(([c]) => c === id) ?? [id, opened.get(id) ?? id])[1];

/**
 * Widgets that edit (the permissions editor, the guardian manager) hold unsaved changes for the
 * client they show. Before anything that changes `client-id`, the host asks them, and lets the
 * person keep the current client (to save) or drop the changes. Its own dialog, not
 * `window.confirm`, which would block the page.
 */
const unsavedDialog = document.getElementById('unsaved-dialog');
let whenDiscarded = null;
function unlessUnsaved(consequence, proceed, stay = () => {}) {
  if (![...widgets()].some((el) => el.hasUnsavedChanges)) return proceed();
  document.getElementById('unsaved-body').textContent = `${nameOf(state.client)} has permission changes that are not saved. ${consequence}`;
  document.getElementById('unsaved-stay').textContent = `Stay on ${nameOf(state.client)}`;
  whenDiscarded = proceed;
  unsavedDialog.onclose = () => {
    if (unsavedDialog.returnValue !== 'discard') stay();
    unsavedDialog.returnValue = '';
  };
  unsavedDialog.showModal();
  document.getElementById('unsaved-stay').focus();
}
document.getElementById('unsaved-stay').addEventListener('click', () => unsavedDialog.close('stay'));
let discarding = false;
document.getElementById('unsaved-discard').addEventListener('click', () => {
  const proceed = whenDiscarded;
  whenDiscarded = null;
  unsavedDialog.close('discard');
  // The widgets' portal-before-client-change fires synchronously while client-id changes.
  discarding = true;
  try {
    proceed?.();
  } finally {
    discarding = false;
  }
});
// The safety net: a switch that did not ask first keeps the client and its unsaved changes.
document.addEventListener('portal-before-client-change', (event) => {
  if (!discarding) event.preventDefault();
});

function askToSelectClient(id) {
  if (id === state.client) return;
  unlessUnsaved(`Switching to ${nameOf(id)} discards them.`, () => selectClient(id));
}

function selectClient(id) {
  state.client = id;
  document.getElementById('client-name').textContent = nameOf(id);
  document.getElementById('client-id-line').textContent = `Client id ${id}`;
  for (const el of widgets()) el.setAttribute('client-id', id);
  renderClientList();
  saveState();
}

/** The client profile, or the practice-wide view with the practice overview. */
function selectView(view) {
  state.view = view;
  const practice = view === 'practice';
  document.getElementById(practice ? 'nav-practice' : 'nav-clients').setAttribute('aria-current', 'page');
  document.getElementById(practice ? 'nav-clients' : 'nav-practice').removeAttribute('aria-current');
  const section = document.getElementById('view-practice');
  section.hidden = !practice;
  // Mounted the first time the view is shown: a page that never opens it never loads the counts.
  if (practice && !section.querySelector('portal-practice-overview')) section.append(document.createElement('portal-practice-overview'));
  for (const id of ['client-aside', 'profile-head', 'tabs']) document.getElementById(id).hidden = practice;
  for (const panel of document.querySelectorAll('[role="tabpanel"]')) panel.hidden = practice || panel.id !== `panel-${state.tab}`;
  saveState();
}
document.getElementById('nav-clients').addEventListener('click', (event) => {
  event.preventDefault();
  selectView('clients');
});
document.getElementById('nav-practice').addEventListener('click', (event) => {
  event.preventDefault();
  selectView('practice');
});

// "Open client" in the practice overview: the host shows that client's profile (its portal tab,
// where the diagnosis and its fixes are). A real host navigates to its own client page.
document.addEventListener('portal-client-open', (event) => {
  const { clientId } = event.detail;
  unlessUnsaved('Opening another client discards them.', () => {
    selectClient(clientId);
    selectTab('portal');
    selectView('clients');
    provider.client
      ?.getClient(clientId)
      .then((client) => {
        opened.set(clientId, `${client.firstName} ${client.lastName}`);
        if (state.client === clientId) document.getElementById('client-name').textContent = nameOf(clientId);
      })
      .catch(() => {});
  });
});

function selectTab(name, focus = false) {
  state.tab = name;
  for (const tab of document.querySelectorAll('[role="tab"]')) {
    const selected = tab.id === `tab-${name}`;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
    if (selected && focus) tab.focus();
  }
  saveState();
}

const tabs = [...document.querySelectorAll('[role="tab"]')];
for (const tab of tabs) {
  tab.addEventListener('click', () => selectTab(tab.id.slice(4)));
  tab.addEventListener('keydown', (event) => {
    const i = tabs.indexOf(tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    selectTab(tabs[(next + tabs.length) % tabs.length].id.slice(4), true);
  });
}

const worldSelect = document.getElementById('world');
worldSelect.value = state.world;
worldSelect.addEventListener('change', () => {
  unlessUnsaved(
    'Changing the world reloads every widget and discards them.',
    () => void changeWorld(worldSelect.value),
    () => (worldSelect.value = state.world),
  );
});

/** Every widget loads again, from scratch (the session and practice settings included). */
async function reloadWidgets() {
  provider.client?.invalidate();
  // A widget loads when its client id changes: take it away, let that render, give it back.
  for (const el of widgets()) el.removeAttribute('client-id');
  await Promise.all([...widgets()].map((el) => el.updateComplete));
  for (const el of widgets()) el.setAttribute('client-id', state.client);
  // The practice overview has no client id: a fresh one loads the new world.
  document.querySelector('portal-practice-overview')?.replaceWith(document.createElement('portal-practice-overview'));
  saveState();
}

/** Another world is another backend. */
async function changeWorld(world) {
  state.world = world;
  mock.reset(world);
  mock.setStaff(state.staff);
  await reloadWidgets();
}

// Another staff member signs in: the widgets read the new session and offer what their role allows
// (a real host gets a new token, hence a new session, when someone else signs in).
const staffSelect = document.getElementById('staff');
staffSelect.value = state.staff;
staffSelect.addEventListener('change', () => {
  unlessUnsaved(
    'Signing in as another role reloads every widget and discards them.',
    () => {
      state.staff = staffSelect.value;
      mock.setStaff(state.staff);
      void reloadWidgets();
    },
    () => (staffSelect.value = state.staff),
  );
});

const localeSelect = document.getElementById('locale');
localeSelect.value = state.locale;
const applyLocale = () => {
  state.locale = localeSelect.value;
  document.documentElement.lang = state.locale;
  provider.setAttribute('locale', state.locale);
  saveState();
};
localeSelect.addEventListener('change', applyLocale);

const themeSelect = document.getElementById('theme');
themeSelect.value = state.theme;
const applyTheme = () => {
  state.theme = themeSelect.value;
  document.documentElement.dataset.theme = state.theme;
  saveState();
};
themeSelect.addEventListener('change', applyTheme);

// Every portal-* event bubbles out of the widgets; a host logs or reacts to them.
const log = document.getElementById('event-log');
const EVENTS = ['portal-load', 'portal-error', 'portal-invite-sent', 'portal-email-changed', 'portal-access-disabled', 'portal-pin-created', 'portal-practice-updated', 'portal-permissions-change', 'portal-permissions-saved', 'portal-before-client-change', 'portal-contact-added', 'portal-contact-updated', 'portal-contact-removed', 'portal-documents-assigned', 'portal-document-reminded', 'portal-document-cancelled', 'portal-document-open', 'portal-document-completed', 'portal-payment-method-added', 'portal-payment-method-removed', 'portal-insurance-card-uploaded', 'portal-payment-succeeded', 'portal-payment-failed', 'portal-bulk-invitations-sent', 'portal-client-open'];
for (const name of EVENTS) {
  document.addEventListener(name, (event) => {
    const li = document.createElement('li');
    li.textContent = `${new Date().toLocaleTimeString()} ${name} ${JSON.stringify(event.detail)}`;
    log.prepend(li);
    while (log.children.length > 50) log.lastChild.remove();
  });
}

applyLocale();
applyTheme();
selectTab(state.tab);
selectClient(state.client);
selectView(state.view);
// Every control above now answers (they are wired only once the mock API runs): tests wait for this.
document.documentElement.dataset.demoReady = '';
