using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Microsoft.Azure.WebPubSub.Common.Serialization
{
    /// <summary>
    /// The one set of System.Text.Json options for the Common models: request bodies, responses, standalone
    /// contexts and MQTT properties. Immutable and process-wide read-only; never touches global settings.
    /// </summary>
    internal static class WebPubSubJson
    {
        public static JsonSerializerOptions Options { get; } = CreateOptions();

        /// <summary>Typed metadata for the reflection-free <c>JsonSerializer</c> overloads.</summary>
        public static JsonTypeInfo<T> GetTypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

        private static JsonSerializerOptions CreateOptions()
        {
            var models = new ConverterResolver()
                .Add(new ConnectionContextConverter())
                .Add(new MqttConnectionContextConverter())
                .Add(new ClientCertificateConverter())
                .Add(new MqttConnectPropertiesConverter())
                .Add(new MqttDisconnectPacketConverter())
                .Add(new MqttDisconnectedPropertiesConverter())
                .Add(new MqttErrorPropertiesConverter())
                .Add(new RuntimeTypeConverter<WebPubSubEventRequest>())
                .Add(new ConnectEventRequestConverter())
                .Add(new MqttConnectEventRequestConverter())
                .Add(new ConnectedEventRequestConverter())
                .Add(new DisconnectedEventRequestConverter())
                .Add(new MqttDisconnectedEventRequestConverter())
                .Add(new UserEventRequestConverter())
                .Add(new JoinedGroupEventRequestConverter())
                .Add(new LeftGroupEventRequestConverter())
                .Add(new PreflightRequestConverter())
                .Add(new RuntimeTypeConverter<WebPubSubEventResponse>())
                .Add(new UserEventResponseConverter())
                .Add(new EventErrorResponseConverter())
                .Add(new MqttConnectEventErrorResponseConverter());

            var options = new JsonSerializerOptions(WebPubSubCommonJsonContext.Default.Options)
            {
                TypeInfoResolver = JsonTypeInfoResolver.Combine(models, WebPubSubCommonJsonContext.Default),
            };
            options.MakeReadOnly();
            return options;
        }

        /// <summary>Serves the public models through their converters; everything else falls to the generated context.</summary>
        private sealed class ConverterResolver : IJsonTypeInfoResolver
        {
            private readonly Dictionary<Type, Func<JsonSerializerOptions, JsonTypeInfo>> _factories = new();

            public ConverterResolver Add<T>(JsonConverter<T> converter)
            {
                _factories[typeof(T)] = options => JsonMetadataServices.CreateValueInfo<T>(options, converter);
                return this;
            }

            public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
                _factories.TryGetValue(type, out var factory) ? factory(options) : null;
        }
    }
}
