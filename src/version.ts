// The bridge's own version: package.json's "version" (test/version.test.ts keeps the two equal). The C#
// shim reads it through the bridge's `version` op for ZegoExpressEngine.GetVersion().
export const BRIDGE_VERSION = '0.1.0';
