namespace IntakeMesh.Contracts.Alerts;

/// <summary>An incident's first-response deadline passed without an acknowledgement.</summary>
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

    /// <summary>The deadline that was missed.</summary>
    public required DateTimeOffset ResponseDue { get; init; }

    /// <inheritdoc />
    public string? IncidentUrl { get; init; }
}
