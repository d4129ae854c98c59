// The ZEGO Unity SDK driver (its C# half: unity-plugin/Runtime/Native).
export { NativeZegoDriver, type NativeEmit } from './NativeZegoDriver.js';
export { NATIVE_COMMAND, NATIVE_EVENT } from './protocol.js';
export { registerNativeDriver, NATIVE_DRIVER_NAME } from './register.js';
