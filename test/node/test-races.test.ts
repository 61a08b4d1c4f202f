// The browser and end-to-end tests must pass on a busy two-core machine: they wait for what a person
// would see, never for a fixed time, and never read the page right after acting on it. These checks
// find the commonest ways a test races the UI, by reading the test files (issue #16, item 17):
// - a browser test's `expect(…getBy…/queryBy…)` on the line right after a click or a keystroke
//   (a `findBy*`, `waitFor` or an awaited condition is what waits for the effect);
// - an end-to-end `assert…(await …)` on the line right after a Playwright action (Node's assert does
//   not retry: wait with a locator's `waitFor` or `page.waitForFunction` first);
// - a fixed sleep: `waitForTimeout`, `aTimeout`, or a `setTimeout` in a test file without a comment
//   saying why it is not a wait (the time a behaviour needs, a simulated network delay).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const filesIn = (dir: string, suffix: string) =>
  readdirSync(join(root, dir))
    .filter((name) => name.endsWith(suffix))
    .map((name) => join(dir, name));
const browserTests = filesIn('test/browser', '.test.ts');
const e2eFiles = filesIn('test/e2e', '.mjs');

/** The next line that is not blank or a comment, after line `i`. */
function nextCodeLine(lines: string[], i: number): { at: number; text: string } | undefined {
  for (let j = i + 1; j < lines.length; j++) {
    const text = lines[j]!.trim();
    if (text && !text.startsWith('//')) return { at: j, text };
  }
  return undefined;
}

/** `file:line: text` for each line of `files` that `flag(line, previous code line)` flags. */
function findings(files: string[], isAction: RegExp, isRacyRead: (line: string) => boolean): string[] {
  const found: string[] = [];
  for (const file of files) {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!isAction.test(line)) return;
      const next = nextCodeLine(lines, i);
      if (next && isRacyRead(next.text)) found.push(`${file}:${next.at + 1}: ${next.text}`);
    });
  }
  return found;
}

/** A person's action in a browser test: user-event, or a real key through the test runner. */
const BROWSER_ACTION = /\bawait\s+(?:user\(\)|u)\.(?:click|dblClick|tripleClick|type|keyboard|selectOptions|deselectOptions|clear|paste|upload|hover)\(|\bawait\s+sendKeys\(|^\s*\w+\.click\(\);/;
/** Moving focus with Tab is the browser's own synchronous default action: nothing to wait for. */
const TAB_ONLY = /sendKeys\(\{\s*press:\s*'(?:Shift\+)?Tab'\s*\}\)/;
const BROWSER_ACTION_BUT_TAB = new RegExp(`^(?!.*${TAB_ONLY.source}).*(?:${BROWSER_ACTION.source})`);
const SYNC_QUERY_IN_EXPECT = (line: string) => /^expect\(/.test(line) && /\.(?:get|query)(?:All)?By\w+\(/.test(line) && !/\bawait\b/.test(line);

/** A Playwright action in an end-to-end test. */
const PLAYWRIGHT_ACTION = /\bawait\s+.*\.(?:click|dblclick|press|fill|selectOption|check|uncheck|setInputFiles|type)\(/;
const ASSERT_ON_A_READ = (line: string) => /^assert\.\w+\(/.test(line) && /\bawait\b/.test(line);

describe('tests wait for what they assert (no races with the UI)', () => {
  it('finds the race it looks for (a read right after a click, in both kinds of test)', () => {
    const browser = ["    await user().click(view.getByShadowRole('button', { name: 'Add' }));", "    expect(view.getByShadowText('Added')).to.exist;"];
    assert.equal(SYNC_QUERY_IN_EXPECT(nextCodeLine(browser, 0)!.text) && BROWSER_ACTION_BUT_TAB.test(browser[0]!), true);
    assert.equal(BROWSER_ACTION_BUT_TAB.test("    await sendKeys({ press: 'Tab' });"), false, 'Tab moves focus at once');
    assert.equal(SYNC_QUERY_IN_EXPECT("expect(await view.findByShadowText('Added')).to.exist;"), false);
    // The examples test that failed on a loaded machine (issue #16, item 17), as it was.
    const e2e = ["    await page.getByRole('tab', { name: 'Billing' }).click();", "    assert.deepEqual(await visible(), ['panel-billing']);"];
    assert.equal(PLAYWRIGHT_ACTION.test(e2e[0]!) && ASSERT_ON_A_READ(nextCodeLine(e2e, 0)!.text), true);
  });

  it('no browser test reads the page with getBy*/queryBy* on the line right after acting on it', () => {
    assert.deepEqual(findings(browserTests, BROWSER_ACTION_BUT_TAB, SYNC_QUERY_IN_EXPECT), []);
  });

  it('no end-to-end test asserts a value read right after a Playwright action', () => {
    assert.deepEqual(findings(e2eFiles, PLAYWRIGHT_ACTION, ASSERT_ON_A_READ), []);
  });

  it('no fixed sleeps: waitForTimeout and aTimeout nowhere, setTimeout only where a comment says it is not a wait', () => {
    const found: string[] = [];
    for (const file of [...browserTests, ...e2eFiles, 'scripts/test-stories.mjs', 'scripts/story-layout.mjs']) {
      const lines = readFileSync(join(root, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*\/\//.test(line)) return;
        if (/\b(?:waitForTimeout|aTimeout)\(/.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
        // The comment above (or on) the line says what the time is for.
        const said = [lines[i - 1], lines[i - 2], line].some((l) => /not a wait/i.test(l ?? ''));
        if (/\bsetTimeout\(/.test(line) && !said) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(found, []);
  });
});
