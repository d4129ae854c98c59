// PuerTS 2.2.3: unity/Assets/core/upm/Runtime/Src/Default/JsEnv.cs (Mono/Editor, reflection mode) and
// IL2Cpp/JsEnv.cs (il2cpp optimisation) declare the same public members used here.
using System;

namespace Puerts
{
    public interface ILoader
    {
        bool FileExists(string filepath);
        string ReadFile(string filepath, out string debugpath);
    }

    public class JsEnv : IDisposable
    {
        public JsEnv() { throw new NotSupportedException("stub Puerts.JsEnv()"); }

        public JsEnv(ILoader loader, int debugPort = -1) { throw new NotSupportedException("stub Puerts.JsEnv(ILoader, int)"); }

        public T ExecuteModule<T>(string specifier, string exportee) { throw new NotSupportedException("stub"); }

        public JSObject ExecuteModule(string specifier) { throw new NotSupportedException("stub"); }

        // Default/JsEnv.cs registers a delegate bridge here (reflection mode); IL2Cpp/JsEnv.cs has an empty body.
        public void UsingFunc<TResult>() { throw new NotSupportedException("stub"); }

        public void Tick() { throw new NotSupportedException("stub"); }

        public void Dispose() { throw new NotSupportedException("stub"); }
    }
}
