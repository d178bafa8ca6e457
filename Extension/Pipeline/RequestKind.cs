namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>What an event request is, derived from its event type and name; decides body and response handling.</summary>
    internal enum RequestKind
    {
        /// <summary>A system event this version does not know; answered 200 without a body.</summary>
        OtherSystem,
        Connect,
        Connected,
        Disconnected,
        User,
        GroupJoined,
        GroupLeft,
    }

    internal static class RequestKindExtensions
    {
        /// <summary>Blocking events wait for the function's answer; the others are answered once the function ran.</summary>
        public static bool IsBlocking(this RequestKind kind) => kind is RequestKind.Connect or RequestKind.User;
    }
}
