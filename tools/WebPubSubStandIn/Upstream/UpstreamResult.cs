using System;

namespace WebPubSubStandIn.Upstream
{
    public enum UpstreamOutcome
    {
        /// <summary>No handler is configured for the hub and event.</summary>
        NoHandler,
        Success,
        /// <summary>Non-2xx, timeout, unreachable or failed abuse protection.</summary>
        Failed,
    }

    /// <summary>What an upstream call gave back.</summary>
    public sealed class UpstreamResult
    {
        private UpstreamResult(UpstreamOutcome outcome, int statusCode, byte[] body, string? contentType, string? error)
        {
            Outcome = outcome;
            StatusCode = statusCode;
            Body = body;
            ContentType = contentType;
            Error = error;
        }

        public UpstreamOutcome Outcome { get; }

        /// <summary>The handler's HTTP status, or 0 when there was no response.</summary>
        public int StatusCode { get; }

        public byte[] Body { get; }

        public string? ContentType { get; }

        public string? Error { get; }

        public static UpstreamResult NoHandler() => new UpstreamResult(UpstreamOutcome.NoHandler, 0, Array.Empty<byte>(), null, null);

        public static UpstreamResult Success(int status, byte[] body, string? contentType) => new UpstreamResult(UpstreamOutcome.Success, status, body, contentType, null);

        public static UpstreamResult Failed(int status, string error, byte[]? body = null) => new UpstreamResult(UpstreamOutcome.Failed, status, body ?? Array.Empty<byte>(), null, error);
    }
}
