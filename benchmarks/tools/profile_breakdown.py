#!/usr/bin/env python3
"""Splits a dotnet-trace thread-time profile (converted to speedscope) of `Benchmarks.dll profile ...` into steps.

    dotnet-trace collect --profile dotnet-sampled-thread-time -o user.nettrace -- dotnet Benchmarks.dll profile user 20
    dotnet-trace convert user.nettrace --format Speedscope -o user
    python3 profile_breakdown.py user.speedscope.json

Time on a stack is charged to the innermost step (below) on it; stacks parked in a wait are idle and left out.
The sampler stops managed threads at safepoints, so a running stack often ends in Thread.PollGC: that frame (and
the CPU_TIME/UNMANAGED_CODE_TIME pseudo-frames) are skipped, and the sample goes to the code that polled.
Only stacks under the measured loop or a function invocation count, so host start-up is not in the table.
"""
import json
import sys
from collections import defaultdict

# Innermost match wins: list a step's frames from the most specific, and order steps from inner to outer.
STEPS = [
    ("signature (HMAC, constant-time compare)", ["SignatureValidation.Validate", "AccessKey.SignatureMatches"]),
    ("CloudEvents headers", ["CloudEventsParser.Parse"]),
    ("abuse-protection check", ["AbuseProtection"]),
    ("route lookup", ["WebPubSubRouteTable.Find"]),
    ("body and connection context", ["EventRequestReader", "BodyReader", "HttpRequestMessageAdapter"]),
    ("binding data, value providers, invoke string", ["WebPubSubTriggerBinding", "TriggerBindingData", "TriggerValueConverter", "TriggerValueProvider"]),
    ("response", ["EventResponseWriter", "ResponseFactory"]),
    ("negotiate converter (token, URL)", ["WebPubSubConnectionBuilder", "WebPubSubServiceClient.GetClientAccess", "HmacJwt"]),
    ("WebJobs binding of the attribute (cloner, templates)", ["AttributeCloner", "BindingTemplate", "FunctionBinding"]),
    ("the function itself", ["BenchmarkFunctions"]),
    ("logging (ILogger, scopes, aggregator)", ["Microsoft.Extensions.Logging", "FunctionResultAggregator", "FunctionInstanceLogger", "LogFunction"]),
    ("WebJobs executor", ["Microsoft.Azure.WebJobs.Host!"]),
    ("dispatcher: async plumbing, unresolved native frames (allocation, GC)", ["WebPubSubTriggerDispatcher"]),
    ("request building (the host's work)", ["SignedEvents", "HttpRequestMessage..ctor", "HttpContent"]),
]
IDLE = ["WaitHandle.Wait", "LowLevelLifoSemaphore", "Monitor.Wait", "Thread.Sleep", "ManualResetEventSlim.Wait",
        "SpinWait", "Task.InternalWait", "TimerQueue.TimerThread", "GateThread", "Interop+Sys.", "SocketAsyncEngine"]
IN_SCOPE = ["ProfileLoop", "FunctionExecutor", "WebPubSubTriggerDispatcher"]


def main(path, detail=None):
    data = json.load(open(path))
    names = [f["name"] for f in data["shared"]["frames"]]
    totals = defaultdict(float)
    leaves = defaultdict(float)
    for profile in data["profiles"]:
        stack, last = [], None
        for event in profile.get("events", []):
            if last is not None and stack:
                charge(names, stack, event["at"] - last, totals, leaves, detail)
            last = event["at"]
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
    busy = sum(totals.values())
    print(f"| Step | Share of busy time |\n|---|---|")
    for step, _ in STEPS + [("other", None)]:
        if totals.get(step):
            print(f"| {step} | {100 * totals[step] / busy:.1f}% |")
    if detail:
        print(f"\nInnermost frames in '{detail}':")
        for frame, time in sorted(leaves.items(), key=lambda kv: -kv[1])[:25]:
            print(f"{100 * time / busy:5.1f}%  {frame[:160]}")


TRANSPARENT = ["PollGC", "CPU_TIME", "UNMANAGED_CODE_TIME"]


def charge(names, stack, duration, totals, leaves, detail):
    frames = [names[i] for i in stack]
    while len(frames) > 1 and any(t in frames[-1] for t in TRANSPARENT):
        frames.pop()
    if any(p in frames[-1] for p in IDLE) or not any(any(s in f for s in IN_SCOPE) for f in frames):
        return
    for frame in reversed(frames):
        for step, patterns in STEPS:
            if any(p in frame for p in patterns):
                totals[step] += duration
                if step == detail:
                    leaves[frames[-1]] += duration
                return
    totals["other"] += duration


if __name__ == "__main__":
    # An optional second argument names a step whose innermost frames are listed.
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
