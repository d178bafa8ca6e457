using System.Text.Json;

namespace Microsoft.Azure.WebPubSub.Common.Serialization
{
    /// <summary>Sizes a converter's result before it reads: the whole value is buffered, so a copy of the reader can look ahead.</summary>
    internal static class JsonChildren
    {
        /// <summary>The elements of the array, or the properties of the object, that <paramref name="reader"/> (a copy) is on.</summary>
        public static int Count(Utf8JsonReader reader)
        {
            int count = 0;
            while (reader.Read() && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject))
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    reader.Read();
                }
                count++;
                reader.Skip();
            }
            return count;
        }
    }
}
