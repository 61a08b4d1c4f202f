/**
 * Before any check: is `--base-url` the portal API at all? A dead server, a wrong base path, a
 * proxy's HTML page or a refused token each get one line saying what is wrong and what to change.
 */
import { expandPath, operations } from '../src/api/operations.js';
import { NetworkError, type Probe } from './probe.js';

export interface PreflightResult {
  ok: boolean;
  /** One line. */
  message: string;
}

function htmlTitle(text: string): string {
  const m = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(text);
  return m ? ` ("${m[1]!.trim()}")` : '';
}

export async function preflight(probe: Probe): Promise<PreflightResult> {
  const url = probe.base + expandPath(operations.getPractice.path, {});
  let ex;
  try {
    ex = await probe.call('getPractice');
  } catch (e) {
    if (e instanceof NetworkError) return { ok: false, message: `cannot reach ${probe.base}: ${e.reason}` };
    throw e;
  }
  const kind = ex.contentType || 'no content type';
  const isProblem = ex.contentType === 'application/problem+json';
  if (ex.status >= 200 && ex.status < 300 && ex.contentType === 'application/json') return { ok: true, message: `GET ${url}: ${ex.status}` };
  if (ex.contentType === 'text/html') {
    const where = ex.status >= 500 ? 'a server or proxy error page' : ex.status >= 400 ? 'an HTML error page' : 'a web page';
    return { ok: false, message: `GET ${url} answered ${ex.status} with ${where}${htmlTitle(ex.text)}, not the portal API: check --base-url (the API base, e.g. https://staging.example/api/portal) and any proxy in front of it` };
  }
  if (ex.status >= 300 && ex.status < 400) return { ok: false, message: `GET ${url} answered a ${ex.status} redirect to ${ex.headers.get('location') ?? '?'}: use the final API base as --base-url` };
  if (ex.status === 404 || ex.status === 405) return { ok: false, message: `GET ${url} answered ${ex.status}${isProblem ? ' (a problem document)' : ` (${kind})`}: --base-url is not the API base (getPractice must be <base>${operations.getPractice.path}); check the path` };
  if (ex.status === 401) return { ok: false, message: `GET ${url} answered 401 to the kit's token, also after asking for a fresh one: check --token or --token-command` };
  if (ex.status === 403) return { ok: false, message: `GET ${url} answered 403: the token's staff user may not read practice settings; use a token that can` };
  if (ex.status >= 500) return { ok: false, message: `GET ${url} answered ${ex.status} (${kind}): the server is failing; look at its logs${ex.headers.get('x-request-id') ? ` for request ${ex.headers.get('x-request-id')}` : ''}` };
  return { ok: false, message: `GET ${url} answered ${ex.status} ${kind}, not the portal API's JSON: check --base-url` };
}
