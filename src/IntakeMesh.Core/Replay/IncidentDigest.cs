using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Core.Replay;

/// <summary>What a closed incident key keeps once its state leaves memory: its wave count, when it closed, and its volume while that can still make a baseline.</summary>
internal sealed record IncidentDigest(int Wave, DateTimeOffset ClosedAt, KeyVolume? Volume);
