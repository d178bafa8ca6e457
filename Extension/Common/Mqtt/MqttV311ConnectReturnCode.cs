namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>MQTT 3.1.1 CONNACK return codes that reject a connection.</summary>
    public enum MqttV311ConnectReturnCode : byte
    {
        UnacceptableProtocolVersion = 1,
        IdentifierRejected = 2,
        ServerUnavailable = 3,
        BadUsernameOrPassword = 4,
        NotAuthorized = 5,
    }
}
