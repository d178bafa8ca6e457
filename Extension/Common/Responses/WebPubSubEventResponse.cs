using System;
using System.Collections.Generic;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>Base of every answer an event handler can give.</summary>
    public abstract class WebPubSubEventResponse
    {
        private Dictionary<string, BinaryData>? _pendingStates;

        protected WebPubSubEventResponse()
        {
        }

        // Contract with the request pipeline (which owns the ce-connectionState header):
        //  * StatesCleared == false: PendingStates are added to / overwrite the connection's existing states;
        //    when PendingStates is empty the states are unchanged and no header needs to be sent.
        //  * StatesCleared == true: the connection's states become exactly PendingStates; when that is empty
        //    the pipeline must send a header that clears every state.
        // A SetState after ClearStates therefore means "replace all states with exactly these".
        // Only ConnectEventResponse and UserEventResponse expose setters; other responses never change states.
        internal bool StatesCleared { get; private set; }

        internal IReadOnlyDictionary<string, BinaryData> PendingStates =>
            (IReadOnlyDictionary<string, BinaryData>?)_pendingStates ?? ConnectionStateValues.Empty;

        internal void SetStateCore(string key, BinaryData value)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }
            if (value == null)
            {
                throw new ArgumentNullException(nameof(value), "A state value cannot be null; call ClearStates() to drop states.");
            }
            (_pendingStates ??= new Dictionary<string, BinaryData>())[key] = value;
        }

        internal void ClearStatesCore()
        {
            StatesCleared = true;
            _pendingStates = null;
        }
    }
}
