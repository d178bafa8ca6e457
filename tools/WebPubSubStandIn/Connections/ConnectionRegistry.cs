using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace WebPubSubStandIn.Connections
{
    /// <summary>
    /// Every live connection, by id (ids are unique across hubs). Groups and users are views over the connections:
    /// a group or user exists while at least one connection of the hub has it. Hub names compare ignoring case.
    /// </summary>
    public sealed class ConnectionRegistry
    {
        private readonly ConcurrentDictionary<string, ClientConnection> _connections = new ConcurrentDictionary<string, ClientConnection>(StringComparer.Ordinal);

        public void Add(ClientConnection connection) => _connections[connection.Id] = connection;

        public void Remove(ClientConnection connection) => _connections.TryRemove(new KeyValuePair<string, ClientConnection>(connection.Id, connection));

        public ClientConnection? Get(string hub, string connectionId)
            => _connections.TryGetValue(connectionId, out var connection) && SameHub(connection, hub) ? connection : null;

        public IReadOnlyList<ClientConnection> All() => _connections.Values.ToArray();

        public IReadOnlyList<ClientConnection> InHub(string hub) => _connections.Values.Where(c => SameHub(c, hub)).ToArray();

        public IReadOnlyList<ClientConnection> InGroup(string hub, string group) => _connections.Values.Where(c => SameHub(c, hub) && c.InGroup(group)).ToArray();

        public IReadOnlyList<ClientConnection> OfUser(string hub, string userId)
            => _connections.Values.Where(c => SameHub(c, hub) && string.Equals(c.UserId, userId, StringComparison.Ordinal)).ToArray();

        public bool GroupExists(string hub, string group) => _connections.Values.Any(c => SameHub(c, hub) && c.InGroup(group));

        public bool UserExists(string hub, string userId) => OfUser(hub, userId).Count > 0;

        private static bool SameHub(ClientConnection connection, string hub) => string.Equals(connection.Hub, hub, StringComparison.OrdinalIgnoreCase);
    }
}
