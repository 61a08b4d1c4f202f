/** `portal-widgets-conformance`: the command (built to dist/conformance/cli.js with a node shebang). */
import { main } from './main.js';

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug in the kit: one line, not a stack trace (DEBUG=1 shows it).
    process.stderr.write(`portal-widgets-conformance: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env['DEBUG']) console.error(error);
    process.exitCode = 1;
  },
);
