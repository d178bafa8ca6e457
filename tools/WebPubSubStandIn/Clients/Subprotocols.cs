namespace WebPubSubStandIn.Clients
{
    public static class Subprotocols
    {
        public const string Json = "json.webpubsub.azure.v1";
        public const string ReliableJson = "json.reliable.webpubsub.azure.v1";
    }
}
