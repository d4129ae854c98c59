// The bridge's version is package.json's, everywhere it is reported: the core's export and `version`
// op (ZegoExpressEngine.GetVersion() in C# reads it there) and the UPM package's manifest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BRIDGE_VERSION, bridgeInvoke } from '../src/puerts-entry';

const versionIn = (file: string) =>
  (JSON.parse(readFileSync(join(__dirname, '..', file), 'utf8')) as { version: string }).version;

test('BRIDGE_VERSION is the npm package version and the UPM package version', () => {
  expect(BRIDGE_VERSION).toBe(versionIn('package.json'));
  expect(versionIn('unity-plugin/package.json')).toBe(versionIn('package.json'));
});

test('the bridge answers its version next to the protocol', () => {
  expect(JSON.parse(bridgeInvoke(JSON.stringify({ op: 'version' })))).toEqual({
    ok: true,
    protocol: 1,
    version: versionIn('package.json'),
  });
});
