// PuerTS 3.0.2: unity/upms/quickjs/Runtime/Src/Backends/BackendQuickJS.cs (no platform guard; the package
// has a WebGL plugin, libPapiQuickjs.a).
namespace Puerts
{
    public class BackendQuickJS : BackendJs
    {
        public BackendQuickJS(ILoader loader) : base(loader) { }

        public BackendQuickJS() : this(new DefaultLoader()) { }
    }
}
