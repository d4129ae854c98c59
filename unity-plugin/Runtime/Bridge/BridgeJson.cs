using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ZegoRoomBridge
{
    /// <summary>Building requests and reading answers of the string boundary (docs/BOUNDARY.md).</summary>
    internal static class BridgeJson
    {
        public static JObject Request(string op) => new JObject { ["op"] = op };

        public static JToken User(ZegoUser user)
        {
            if (user == null) return JValue.CreateNull();
            return new JObject { ["userID"] = user.userID, ["userName"] = user.userName };
        }

        public static JToken Config(ZegoRoomConfig config)
        {
            if (config == null) return JValue.CreateNull();
            var o = new JObject { ["maxMemberCount"] = config.maxMemberCount, ["isUserStatusNotify"] = config.isUserStatusNotify };
            if (config.token != null) o["token"] = config.token;
            return o;
        }

        public static string Serialize(JObject request) => request.ToString(Formatting.None);

        /// <summary>An answer, or an error answer when the host failed (so callers handle one shape).</summary>
        public static JObject ParseAnswer(string answer)
        {
            try
            {
                if (answer != null && JToken.Parse(answer) is JObject o) return o;
            }
            catch (JsonException) { }
            return new JObject { ["ok"] = false, ["error"] = ZegoErrorCode.CommonIllegalParam, ["message"] = "the core gave no JSON answer" };
        }

        public static bool Ok(JObject answer) => answer.Value<bool?>("ok") == true;

        public static int ErrorOf(JObject answer) => answer.Value<int?>("error") ?? ZegoErrorCode.CommonIllegalParam;

        public static string MessageOf(JObject answer) => answer.Value<string>("message") ?? "";

        public static List<ZegoUser> Users(JToken list)
        {
            var users = new List<ZegoUser>();
            if (list is JArray a)
            {
                foreach (var u in a)
                {
                    var id = u.Value<string>("userID");
                    users.Add(new ZegoUser { userID = id, userName = u.Value<string>("userName") ?? id });
                }
            }
            return users;
        }

        public static JToken From(object value) => value == null ? JValue.CreateNull() : JToken.FromObject(value);

        public static string Describe(Exception e) => e.GetType().Name + ": " + e.Message;
    }
}
