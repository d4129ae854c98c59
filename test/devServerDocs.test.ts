// docs/DEVSERVER.md's close-code table is the one the server uses: every entry of DEV_CLOSE appears with its
// number and name, and nothing else does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_CLOSE, DEV_HELLO_TIMEOUT_MS, DEV_MAX_CONNECTIONS, DEV_MAX_FRAME_BYTES, DEV_RATE_LIMIT } from '../src/index';

const doc = readFileSync(join(__dirname, '..', 'docs', 'DEVSERVER.md'), 'utf8');
const section = doc.slice(
  doc.indexOf('## Limits and close codes'),
  doc.indexOf('\n## ', doc.indexOf('## Limits and close codes') + 1),
);

test('the close-code table lists exactly DEV_CLOSE', () => {
  const rows = [...section.matchAll(/^\| (\d{4}) \| `(\w+)` \|/gm)].map((m) => [m[2], Number(m[1])]);
  expect(Object.fromEntries(rows)).toEqual(DEV_CLOSE);
  expect(rows).toHaveLength(Object.keys(DEV_CLOSE).length);
});

test('the limits table states the values the server applies', () => {
  expect(section).toContain(`| frame size | ${DEV_MAX_FRAME_BYTES / 1024} KiB`);
  expect(section).toContain(`| time from open to \`hello\` | ${DEV_HELLO_TIMEOUT_MS / 1000} s`);
  expect(section).toContain(`| messages per connection | ${DEV_RATE_LIMIT} per second`);
  expect(section).toContain(`| open sockets | ${DEV_MAX_CONNECTIONS.toLocaleString('en')} `);
});
