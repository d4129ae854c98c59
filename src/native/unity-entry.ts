// Entry of native.mjs (Resources/ZegoRoomBridge/native.mjs, beside core.mjs): the "native" driver (ZEGO's
// Unity SDK through the C# adapter) for every player but WebGL, and the Editor. Importing it registers the
// driver with core.mjs's bridge, the one C# calls; a WebGL build never packs it.
import { defaultBridge } from '../puerts-entry.js';
import { registerNativeDriver } from './register.js';

registerNativeDriver(defaultBridge);

export { NativeZegoDriver, NATIVE_COMMAND, NATIVE_EVENT } from './index.js';
