using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Channels;

namespace WebPubSubStandIn.Connections
{
    /// <summary>
    /// One client connection's state: identity, roles, groups, permission overrides, connection state and its
    /// outgoing frame queue (one writer drains it, so any thread may send). Thread-safe.
    /// </summary>
    public sealed class ClientConnection
    {
        private readonly Channel<OutgoingFrame> _outgoing = Channel.CreateUnbounded<OutgoingFrame>(new UnboundedChannelOptions { SingleReader = true });
        private readonly ConcurrentDictionary<string, byte> _groups = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> _permissionOverrides = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<ulong, byte> _ackIds = new ConcurrentDictionary<ulong, byte>();
        private readonly object _closeLock = new object();
        private long _nextEventId;
        private long _lastSequenceId;
        private volatile string? _state;
        private volatile IReadOnlyList<string> _roles;
        private bool _closing;

        public ClientConnection(string id, string hub, string? userId, IEnumerable<string> roles)
        {
            Id = id;
            Hub = hub;
            UserId = userId;
            _roles = roles.ToArray();
        }

        public string Id { get; }

        public string Hub { get; }

        public string? UserId { get; set; }

        /// <summary>The chosen WebSocket subprotocol (null for none).</summary>
        public string? Subprotocol { get; set; }

        /// <summary>True for the JSON subprotocols; false for simple (or custom-protocol) clients.</summary>
        public bool IsJson { get; set; }

        /// <summary><c>json.reliable.webpubsub.azure.v1</c>: messages carry a <c>sequenceId</c> (no recovery in the stand-in).</summary>
        public bool IsReliable { get; set; }

        /// <summary>The next <c>sequenceId</c> of a reliable connection: 1, 2, ...</summary>
        public ulong NextSequenceId() => (ulong)Interlocked.Increment(ref _lastSequenceId);

        public IReadOnlyList<string> Roles
        {
            get => _roles;
            set => _roles = value.ToArray();
        }

        /// <summary>The last <c>ce-connectionState</c> the upstream set (null/empty = none).</summary>
        public string? State
        {
            get => _state;
            set => _state = value;
        }

        /// <summary>Why the service closed the connection (REST close reason, upstream failure), for the disconnected event.</summary>
        public string? CloseReason { get; private set; }

        public ChannelReader<OutgoingFrame> Outgoing => _outgoing.Reader;

        public bool IsClosing
        {
            get { lock (_closeLock) { return _closing; } }
        }

        public IReadOnlyCollection<string> Groups => _groups.Keys.ToArray();

        public bool InGroup(string group) => _groups.ContainsKey(group);

        public void JoinGroup(string group) => _groups.TryAdd(group, 0);

        public bool LeaveGroup(string group) => _groups.TryRemove(group, out _);

        public void LeaveAllGroups() => _groups.Clear();

        /// <summary><c>ce-id</c> values: 0 for connect, then 1, 2, ...</summary>
        public long NextEventId() => Interlocked.Increment(ref _nextEventId) - 1;

        /// <summary>False when the ackId was already used on this connection.</summary>
        public bool TryUseAckId(ulong ackId) => _ackIds.TryAdd(ackId, 0);

        public void SetPermissionOverride(string permission, string target, bool granted)
            => _permissionOverrides[permission + "\n" + target] = granted;

        public bool RemovePermissionOverride(string permission, string target)
            => _permissionOverrides.TryRemove(permission + "\n" + target, out _);

        public bool? PermissionOverride(string permission, string target)
            => _permissionOverrides.TryGetValue(permission + "\n" + target, out var granted) ? granted : null;

        /// <summary>Queues a frame; false once the connection is closing.</summary>
        public bool Send(OutgoingFrame frame)
        {
            lock (_closeLock)
            {
                return !_closing && _outgoing.Writer.TryWrite(frame);
            }
        }

        /// <summary>
        /// Starts the close: queues <paramref name="lastFrame"/> (e.g. the <c>disconnected</c> system message) and the
        /// close frame after everything already queued. Only the first call has an effect.
        /// </summary>
        public bool Close(WebSocketCloseStatus status, string? reason, OutgoingFrame? lastFrame = null)
        {
            lock (_closeLock)
            {
                if (_closing)
                {
                    return false;
                }
                _closing = true;
                CloseReason = reason;
                if (lastFrame != null)
                {
                    _outgoing.Writer.TryWrite(lastFrame);
                }
                _outgoing.Writer.TryWrite(OutgoingFrame.Close(status, reason));
                _outgoing.Writer.TryComplete();
                return true;
            }
        }

        /// <summary>The client went away: nothing more is sent.</summary>
        public void MarkGone()
        {
            lock (_closeLock)
            {
                _closing = true;
                _outgoing.Writer.TryComplete();
            }
        }
    }
}
