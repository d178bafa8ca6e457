namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>The kind of payload carried by a user event or its response.</summary>
    /// <remarks>
    /// Named in Newtonsoft JSON wherever it appears, also on its own: the trigger's <c>DataType</c> binding data is
    /// this enum (C# parameters bind to it), and the Functions host serialises binding data for workers with its
    /// default settings, so only the type itself can make that <c>"Text"</c> as upstream's process-wide settings did.
    /// </remarks>
    [Newtonsoft.Json.JsonConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
    public enum WebPubSubDataType
    {
        Binary = 0,
        Json = 1,
        Text = 2,
    }
}
