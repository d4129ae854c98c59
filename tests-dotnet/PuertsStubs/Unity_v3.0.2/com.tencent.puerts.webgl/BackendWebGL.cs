// PuerTS 3.0.2: unity/upms/webgl/Runtime/Src/Backends/BackendWebGL.cs, WebGL players only.
#if !UNITY_EDITOR && UNITY_WEBGL
namespace Puerts
{
    public class BackendWebGL : BackendJs
    {
        public BackendWebGL(ILoader loader) : base(loader) { }

        public BackendWebGL() : this(new DefaultLoader()) { }
    }
}
#endif
