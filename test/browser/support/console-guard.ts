/**
 * Widgets must print nothing. Every browser test file installs this guard; `afterEach` fails the
 * test when anything reached the console or an error escaped to the page.
 */
const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;
type Entry = { method: string; text: string };

let entries: Entry[] = [];
let installed = false;

export function installConsoleGuard(): void {
  if (installed) return;
  installed = true;
  for (const method of METHODS) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      entries.push({ method, text: args.map(String).join(' ') });
      original(...args);
    };
  }
  window.addEventListener('error', (e) => entries.push({ method: 'uncaught', text: String(e.message) }));
  window.addEventListener('unhandledrejection', (e) => entries.push({ method: 'unhandledrejection', text: String(e.reason) }));
}

/** Returns and clears what was printed since the last call. */
export function takeConsoleEntries(): Entry[] {
  const taken = entries;
  entries = [];
  return taken;
}
