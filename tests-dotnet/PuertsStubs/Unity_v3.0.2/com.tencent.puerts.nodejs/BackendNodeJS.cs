// PuerTS 3.0.2: unity/upms/nodejs/Runtime/Src/Backends/BackendNodeJS.cs (no platform guard in C#; the
// package's plugins cover Android, iOS, macOS and x86_64 only).
namespace Puerts
{
    public class BackendNodeJS : BackendJs
    {
        public BackendNodeJS(ILoader loader) : base(loader) { }

        public BackendNodeJS() : this(new DefaultLoader()) { }
    }
}
