// PuerTS 3.0.2: unity/upms/core/Runtime/Src/Backend.cs and Backends/BackendJs.cs (abstract members omitted:
// nothing here overrides or calls them).
namespace Puerts
{
    public abstract class Backend
    {
    }

    public abstract class BackendJs : Backend
    {
        public BackendJs(ILoader loader) { }
    }
}
