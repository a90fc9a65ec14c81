namespace IntakeMesh.Contracts.Alerts;

/// <summary>An operator resolved an incident: receivers close what they opened for it.</summary>
public sealed record IncidentResolved : IIncidentAlert
{
    /// <inheritdoc />
    public required string AlertId { get; init; }

    /// <inheritdoc />
    public required string IncidentId { get; init; }

    /// <inheritdoc />
    public required string Key { get; init; }

    /// <summary>The highest tier the incident reached.</summary>
    public required string Tier { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who resolved it (an operator name or team), when given.</summary>
    public string? ResolvedBy { get; init; }

    /// <summary>A short resolution note, without personal data.</summary>
    public string? Resolution { get; init; }

    /// <inheritdoc />
    public string? IncidentUrl { get; init; }
}
