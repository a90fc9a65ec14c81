namespace IntakeMesh.Contracts.Alerts;

/// <summary>
/// Regulatory deadlines of an incident are near: <see cref="Elapsed"/> of the time they allow has
/// gone (by default 75%, then 90%). The breach itself comes as <see cref="SlaBreached"/>.
/// </summary>
public sealed record SlaBreachApproaching : IIncidentAlert
{
    /// <inheritdoc />
    public required string AlertId { get; init; }

    /// <inheritdoc />
    public required string IncidentId { get; init; }

    /// <inheritdoc />
    public required string Key { get; init; }

    /// <inheritdoc />
    public required string Tier { get; init; }

    /// <summary>When the warning was due.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The share of the allowed time that has gone, e.g. 0.75.</summary>
    public required double Elapsed { get; init; }

    /// <summary>The deadlines this warning is about, earliest first.</summary>
    public required IReadOnlyList<RegulatoryDeadline> Deadlines { get; init; }

    /// <inheritdoc />
    public string? IncidentUrl { get; init; }
}
