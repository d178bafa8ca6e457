using System;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>
    /// Wire-level outcome of an event handler. It extends <see cref="WebPubSubErrorCode"/> with <c>Success</c> so a
    /// worker's JSON answer can carry one <c>code</c> field for both successful and failed responses.
    /// </summary>
    internal enum WebPubSubStatusCode
    {
        Success = -1,
        Unauthorized = 0,
        UserError = 1,
        ServerError = 2,
    }

    /// <summary>Conversions between the public error code, the wire status code and HTTP status codes.</summary>
    internal static class WebPubSubStatusCodes
    {
        /// <summary>Unknown values become <see cref="WebPubSubStatusCode.ServerError"/>: never report success by mistake.</summary>
        public static WebPubSubStatusCode ToStatusCode(this WebPubSubErrorCode code) => code switch
        {
            WebPubSubErrorCode.Unauthorized => WebPubSubStatusCode.Unauthorized,
            WebPubSubErrorCode.UserError => WebPubSubStatusCode.UserError,
            _ => WebPubSubStatusCode.ServerError,
        };

        /// <summary><see cref="WebPubSubStatusCode.Success"/> and unknown values have no error meaning: ServerError.</summary>
        public static WebPubSubErrorCode ToErrorCode(this WebPubSubStatusCode code) => code switch
        {
            WebPubSubStatusCode.Unauthorized => WebPubSubErrorCode.Unauthorized,
            WebPubSubStatusCode.UserError => WebPubSubErrorCode.UserError,
            _ => WebPubSubErrorCode.ServerError,
        };

        /// <summary>HTTP status the service expects for an error answer: 401, 400 or 500.</summary>
        public static int ToHttpStatusCode(this WebPubSubErrorCode code) => code switch
        {
            WebPubSubErrorCode.Unauthorized => 401,
            WebPubSubErrorCode.UserError => 400,
            _ => 500,
        };

        /// <summary>
        /// Parses a <c>code</c> value written by a worker: a member name in any casing (<c>"unauthorized"</c>) or a
        /// defined number (<c>"0"</c>). Anything else fails rather than silently mapping to some status.
        /// </summary>
        public static bool TryParse(string? value, out WebPubSubStatusCode code)
        {
            code = default;
            if (string.IsNullOrWhiteSpace(value))
            {
                return false;
            }

            return Enum.TryParse(value!.Trim(), ignoreCase: true, out code) && Enum.IsDefined(typeof(WebPubSubStatusCode), code);
        }
    }
}
