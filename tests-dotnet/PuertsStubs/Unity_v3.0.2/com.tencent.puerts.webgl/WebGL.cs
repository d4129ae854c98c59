// PuerTS 3.0.2: unity/upms/webgl/Runtime/WebGL.cs. In a WebGL player MainEnv wraps BackendWebGL; in the
// Editor it creates Puerts.BackendV8 by reflection (so the Editor needs com.tencent.puerts.v8 for it).
using System;

namespace Puerts
{
    namespace WebGL
    {
        public class MainEnv
        {
            public static ScriptEnv Get() { throw new NotSupportedException("stub Puerts.WebGL.MainEnv.Get()"); }

            public static ScriptEnv Get(Puerts.ILoader loader, int debugPort = -1) { throw new NotSupportedException("stub"); }
        }
    }
}
