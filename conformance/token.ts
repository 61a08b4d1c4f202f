/**
 * Where the kit's bearer token comes from: a fixed `--token`, or `--token-command`, run once at
 * start and again after a 401 (as the SDK calls `getToken({ forceRefresh: true })`).
 */
import { execFile } from 'node:child_process';

export class TokenError extends Error {
  override name = 'TokenError';
}

export interface TokenSource {
  get(options?: { forceRefresh?: boolean }): Promise<string>;
  /** How many times a token was fetched (for a command: how many times it ran). */
  readonly fetches: number;
  readonly refreshable: boolean;
}

export function fixedToken(token: string): TokenSource {
  let fetches = 0;
  return {
    get: async () => {
      fetches++;
      return token;
    },
    get fetches() {
      return fetches;
    },
    refreshable: false,
  };
}

function runCommand(command: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.platform === 'win32' ? 'cmd.exe' : '/bin/sh', process.platform === 'win32' ? ['/d', '/s', '/c', command] : ['-c', command], { timeout: timeoutMs, maxBuffer: 64 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        const why = error.killed ? `no token within ${timeoutMs} ms` : `exit ${String(error.code ?? '?')}${stderr.trim() ? `: ${stderr.trim().split('\n')[0]}` : ''}`;
        reject(new TokenError(`--token-command failed (${why})`));
        return;
      }
      const token = stdout.trim().split(/\r?\n/)[0]?.trim() ?? '';
      if (!token) reject(new TokenError('--token-command printed no token'));
      else if (/\s/.test(token)) reject(new TokenError('--token-command printed a token with spaces in it: print the token alone'));
      else resolve(token.replace(/^Bearer\s+/i, ''));
    });
  });
}

export function commandToken(command: string, timeoutMs: number): TokenSource {
  let fetches = 0;
  let current: Promise<string> | null = null;
  return {
    get(options = {}) {
      if (!current || options.forceRefresh) {
        fetches++;
        current = runCommand(command, timeoutMs);
        // A failed run is not cached: the next request tries again.
        current.catch(() => {
          current = null;
        });
      }
      return current;
    },
    get fetches() {
      return fetches;
    },
    refreshable: true,
  };
}
