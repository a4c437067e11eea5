import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Child processes the tests start (the server, the CLI) inherit it, so they share the run's trial.
process.env.BOOKING_CENTER_LICENSE_DIR ||= mkdtempSync(join(tmpdir(), 'bc-license-'));
