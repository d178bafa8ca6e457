namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>Recognizes a Content-Type that is just <c>type/subtype</c>, which needs no header parser.</summary>
    internal static class MediaTypeText
    {
        /// <summary>
        /// True for exactly two non-empty RFC 9110 tokens joined by one <c>/</c> and nothing else (no parameters,
        /// spaces or lists): the value a parser would return as the media type, unchanged.
        /// </summary>
        public static bool IsPlain(string value)
        {
            int slash = value.IndexOf('/');
            if (slash <= 0 || slash == value.Length - 1)
            {
                return false;
            }
            for (int i = 0; i < value.Length; i++)
            {
                if (i != slash && !IsTokenChar(value[i]))
                {
                    return false;
                }
            }
            return true;
        }

        // tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
        private static bool IsTokenChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
    }
}
