// The largest answers the contract allows (every list at its documented maximum, every string at its
// longest), oversized ones, and a way to serve them to the client without the mock: the page's fetch
// answers chosen paths from bodies prepared before the measurement starts.
import { executeServerCommand } from '@web/test-runner-commands';
import { LIST_LIMITS } from '../../../src/schemas/limits.js';

const at = (daysAgo: number) => new Date(Date.UTC(2025, 0, 1) - daysAgo * 86_400_000).toISOString();
/** A text of exactly `length` characters made of words, as real long text is. */
const words = (seed: string, length: number) => `${seed} `.repeat(Math.ceil(length / (seed.length + 1))).slice(0, length).trimEnd().padEnd(length, 'x');
const address = (local: string) => `${local}.${'x'.repeat(40)}@example-practice.test`;
const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

function invitation(owner: string, i: number) {
  return {
    id: `inv_${owner}_${i}`,
    sentAt: at(i + 1),
    to: address(`to${i}`),
    message: words(`Message ${i}`, 2000),
    delivery: 'delivered',
    expiresAt: at(i - 6),
  };
}

export function contact(i: number) {
  return {
    id: `ct_${i}`,
    clientId: 'cl_active',
    firstName: words(`First${i}`, 200),
    lastName: words(`Last${i}`, 200),
    relationship: 'parent',
    legalGuardian: i % 2 === 0,
    emails: times(LIST_LIMITS.emails, (j) => ({ address: address(`c${i}e${j}`), consent: true, primary: j === 0 })),
    portalUser: {
      state: 'invited',
      email: address(`c${i}e0`),
      invitations: times(LIST_LIMITS.invitations, (j) => invitation(`c${i}`, j)),
      firstSignInAt: null,
      lastSignInAt: null,
    },
    version: 1,
  };
}

export function permissions(contacts: number) {
  return {
    clientId: 'cl_active',
    client: { appointmentRequests: true, secureMessaging: true, billingDocuments: true, payBalance: true },
    portalUsers: times(contacts, (i) => ({ contactId: `ct_${i}`, groups: { basic: true, messaging: i % 2 === 0, documents: true, scheduling: false, billing: i % 3 === 0 } })),
    version: 1,
  };
}

export function intakeDocument(i: number) {
  return {
    id: `doc_big_${i}`,
    templateId: 'tpl_intake',
    title: words(`Document ${i}`, 300),
    status: (['sent', 'in_progress', 'completed'] as const)[i % 3],
    sentAt: at(i + 30),
    lastActivityAt: i % 3 === 0 ? null : at(i + 1),
    completedAt: i % 3 === 2 ? at(i) : null,
    lastReminderAt: null,
    requiredSections: { completed: i % 3 === 2 ? 4 : 1, total: 4 },
    signedAt: i % 3 === 2 ? at(i) : null,
    fillUrl: `https://portal.example-practice.test/fill/doc_big_${i}`,
    cancelledAt: null,
  };
}

export function documentPage(items: number, total = items) {
  return { items: times(items, intakeDocument), nextCursor: total > items ? 'next' : null, total };
}

/** A template as one client sees it: every fourth one already sent to the client (offered as "Send again"). */
export function template(i: number) {
  return {
    id: `tpl_big_${i}`,
    title: words(`Template ${i}`, 300),
    description: words(`Description ${i}`, 1000),
    requiredSections: 3,
    latestDocument: i % 4 === 3 ? { ...intakeDocument(i), templateId: `tpl_big_${i}` } : null,
  };
}

export function invoices(items: number) {
  return {
    clientId: 'cl_active',
    items: times(items, (i) => ({
      id: `inv_big_${i}`,
      number: words(`INV-${i}`, 40),
      description: words(`Session ${i}`, 500),
      issuedAt: at(i + 10),
      dueAt: at(i),
      total: { amount: 12_000 + i, currency: 'USD' },
      status: i % 4 === 0 ? 'paid' : 'open',
      paidAt: i % 4 === 0 ? at(i) : null,
    })),
    balance: { amount: 1_800_000, currency: 'USD' },
  };
}

export function payments(items: number, total = items) {
  return {
    items: times(items, (i) => ({
      id: `pay_big_${i}`,
      createdAt: at(i),
      amount: { amount: 12_000 + i, currency: 'USD' },
      card: { brand: 'visa', last4: '4242' },
      invoiceIds: times(Math.min(LIST_LIMITS.invoices, 20), (j) => `inv_big_${i}_${j}`),
      status: 'succeeded',
    })),
    nextCursor: total > items ? 'next' : null,
    total,
  };
}

/** Bodies keyed by the API path they answer (query ignored), served as JSON blobs. */
export function serveAnswers(bodies: Record<string, unknown>): { restore: () => void; served: string[] } {
  const blobs = new Map(Object.entries(bodies).map(([path, body]) => [path, new Blob([JSON.stringify(body)], { type: 'application/json' })]));
  const original = window.fetch;
  const served: string[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    const path = url.pathname.replace(/^\/api\/portal/, '');
    const blob = blobs.get(path);
    if (!blob) return original(input, init);
    served.push(path);
    return Promise.resolve(new Response(blob, { status: 200, headers: { 'content-type': 'application/json' } }));
  };
  return { restore: () => (window.fetch = original), served };
}

export interface TaskFigures {
  /** The longest main-thread task by thread (CPU) time, what the page's code cost: asserted. */
  longestCpuMs: number;
  /** The same tasks' wall time (stretched by whatever else the machine runs): reported. */
  longestWallMs: number;
  /** Tasks over 50 ms wall time seen by a PerformanceObserver. */
  longTasks: number[];
  /** What the longest task spent its wall time on, from the trace (script, style, layout…). */
  longestParts: Record<string, number>;
}

/**
 * Runs `action` while the page's main thread is traced and reports its longest task: by thread
 * time from a Chromium trace (load-independent), by wall time, and the long tasks a
 * PerformanceObserver saw (the browser's own definition, wall time over 50 ms).
 */
export async function measureTasks(action: () => Promise<void>): Promise<TaskFigures> {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(Math.round(entry.duration));
  });
  observer.observe({ type: 'longtask' });
  await executeServerCommand('task-trace-start');
  let trace: { tasks: { wallMs: number; cpuMs: number; parts: Record<string, number> }[] };
  try {
    await action();
    // Two frames, so the render and layout the action caused are inside the window.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  } finally {
    trace = await executeServerCommand('task-trace-stop');
    for (const entry of observer.takeRecords()) longTasks.push(Math.round(entry.duration));
    observer.disconnect();
  }
  return {
    longestCpuMs: trace.tasks[0]?.cpuMs ?? 0,
    longestWallMs: Math.max(0, ...trace.tasks.map((t) => t.wallMs)),
    longTasks,
    longestParts: trace.tasks[0]?.parts ?? {},
  };
}

/**
 * The figures of the run with the shortest longest task, of up to `times` runs (it stops at the
 * first within `budgetMs`): a busy machine only ever adds to a task's time (another process on the
 * same core, cold caches), so the lowest figure is the code's own cost. Code over the budget is
 * over it in every run. `cpuRuns` lists every run's figure.
 */
export async function lowestLongestTask(run: () => Promise<TaskFigures>, { times = 3, budgetMs = 50 } = {}): Promise<TaskFigures & { cpuRuns: number[] }> {
  let best: TaskFigures | undefined;
  const cpuRuns: number[] = [];
  for (let i = 0; i < times && !(best && best.longestCpuMs <= budgetMs); i++) {
    const figures = await run();
    cpuRuns.push(figures.longestCpuMs);
    if (!best || figures.longestCpuMs < best.longestCpuMs) best = figures;
  }
  return { ...best!, cpuRuns };
}
