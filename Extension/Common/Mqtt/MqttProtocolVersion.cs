namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>MQTT protocol level as sent in the CONNECT packet.</summary>
    public enum MqttProtocolVersion
    {
        V311 = 4,
        V500 = 5,
    }
}
