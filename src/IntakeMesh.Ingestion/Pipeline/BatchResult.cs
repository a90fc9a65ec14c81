using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Ingestion.Pipeline;

/// <summary>What one batch did, for metrics and logs.</summary>
public sealed record BatchResult(
    int Records,
    int DeadLettered,
    int Redelivered,
    IReadOnlyList<IncidentUpdate> Incidents);
