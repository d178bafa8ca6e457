using System.Text.RegularExpressions;

namespace WebPubSubStandIn.Connections
{
    /// <summary>Name rules: hub, group, user event name.</summary>
    public static class Names
    {
        private static readonly Regex Hub = new Regex(@"^[A-Za-z][A-Za-z0-9_`,.\[\]]{0,127}$", RegexOptions.Compiled | RegexOptions.CultureInvariant);
        private static readonly Regex EventName = new Regex(@"^[a-z][a-z0-9_.\-]{0,127}$", RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static bool IsValidHub(string? hub) => hub != null && Hub.IsMatch(hub);

        public static bool IsValidGroup(string? group) => !string.IsNullOrWhiteSpace(group) && group.Length <= 1024;

        public static bool IsValidEventName(string? name) => name != null && EventName.IsMatch(name);
    }
}
