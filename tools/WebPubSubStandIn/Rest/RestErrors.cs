using Microsoft.AspNetCore.Http;

namespace WebPubSubStandIn.Rest
{
    /// <summary>Error answers: JSON <c>{"code":"Error.&lt;Kind&gt;","message":...}</c> plus <c>x-ms-error-code</c>.</summary>
    public static class RestErrors
    {
        public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, "Error.BadRequest", message);

        public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, "Error.NotFound", message);

        public static IResult Unauthorized(string message) => Error(StatusCodes.Status401Unauthorized, "Error.Unauthorized", message);

        public static IResult Forbidden(string message) => Error(StatusCodes.Status403Forbidden, "Error.Forbidden", message);

        public static IResult UnsupportedMediaType(string message) => Error(StatusCodes.Status415UnsupportedMediaType, "Error.UnsupportedMediaType", message);

        public static IResult TooLarge(string message) => Error(StatusCodes.Status413PayloadTooLarge, "Error.PayloadTooLarge", message);

        public static IResult Error(int status, string code, string message) => new ErrorResult(status, code, message);

        private sealed class ErrorResult : IResult
        {
            private readonly int _status;
            private readonly string _code;
            private readonly string _message;

            public ErrorResult(int status, string code, string message)
            {
                _status = status;
                _code = code;
                _message = message;
            }

            public System.Threading.Tasks.Task ExecuteAsync(HttpContext context)
            {
                context.Response.StatusCode = _status;
                context.Response.Headers["x-ms-error-code"] = _code;
                return context.Response.WriteAsJsonAsync(new { code = _code, message = _message });
            }
        }
    }
}
