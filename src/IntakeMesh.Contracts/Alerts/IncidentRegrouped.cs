namespace IntakeMesh.Contracts.Alerts;

/// <summary>
/// An operator regrouped complaints: merged another incident into this one (<see cref="Kind"/>
/// <c>merge</c>), or split some of this one's complaints out into a new incident (<c>split</c>).
/// One alert per merge or split, however many complaints moved.
/// </summary>
public sealed record IncidentRegrouped : IIncidentAlert
{
    /// <inheritdoc />
    public required string AlertId { get; init; }

    /// <inheritdoc />
    public required string IncidentId { get; init; }

    /// <inheritdoc />
    public required string Key { get; init; }

    /// <inheritdoc />
    public required string Tier { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary><c>merge</c> or <c>split</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The incident merged into this one, or the new incident split out of it.</summary>
    public required string OtherIncidentId { get; init; }

    /// <summary>This incident's complaints and customers after the change.</summary>
    public long Complaints { get; init; }

    public long Participants { get; init; }

    /// <summary>What happened and why, with the re-derived tier's reasons.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <inheritdoc />
    public string? IncidentUrl { get; init; }
}
