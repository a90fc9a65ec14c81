namespace IntakeMesh.Contracts.Alerts;

/// <summary>
/// A deadline passed: the incident's first-response deadline without an acknowledgement, or,
/// when <see cref="Deadlines"/> is not empty, regulatory deadlines of its complaints.
/// </summary>
public sealed record SlaBreached : IIncidentAlert
{
    /// <inheritdoc />
    public required string AlertId { get; init; }

    /// <inheritdoc />
    public required string IncidentId { get; init; }

    /// <inheritdoc />
    public required string Key { get; init; }

    /// <inheritdoc />
    public required string Tier { get; init; }

    /// <summary>When the breach was noticed.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The deadline that was missed (for regulatory deadlines, the earliest of them).</summary>
    public required DateTimeOffset ResponseDue { get; init; }

    /// <summary>The regulatory deadlines that passed, earliest first; empty for the first-response deadline.</summary>
    public IReadOnlyList<RegulatoryDeadline> Deadlines { get; init; } = [];

    /// <inheritdoc />
    public string? IncidentUrl { get; init; }
}
