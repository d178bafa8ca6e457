using System;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    internal static class Argument
    {
        public static string NotNullOrEmpty(string? value, string name)
        {
            if (value is null)
            {
                throw new ArgumentNullException(name);
            }

            if (value.Length == 0)
            {
                throw new ArgumentException("Value cannot be an empty string.", name);
            }

            return value;
        }
    }
}
