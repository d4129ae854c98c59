// PuerTS 3.0.2: unity/upms/core/Runtime/Src/Loader.cs.
using System;

namespace Puerts
{
    public interface ILoader
    {
        bool FileExists(string filepath);
        string ReadFile(string filepath, out string debugpath);
    }

    public class DefaultLoader : ILoader
    {
        public DefaultLoader() { }

        public bool FileExists(string filepath) { throw new NotSupportedException("stub"); }

        public string ReadFile(string filepath, out string debugpath) { throw new NotSupportedException("stub"); }
    }
}
