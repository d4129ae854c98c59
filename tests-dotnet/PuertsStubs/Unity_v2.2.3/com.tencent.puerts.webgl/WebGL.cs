// PuerTS 2.2.3: unity/Assets/webgl/upm/Runtime/WebGL.cs (package com.tencent.puerts.webgl 2.2.2).
using System;

namespace Puerts
{
    namespace WebGL
    {
        public class MainEnv
        {
            public static JsEnv Get() { throw new NotSupportedException("stub Puerts.WebGL.MainEnv.Get()"); }

            public static JsEnv Get(Puerts.ILoader loader, int debugPort = -1) { throw new NotSupportedException("stub"); }
        }
    }
}
