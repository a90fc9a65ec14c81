namespace IntakeMesh.Core.Incidents;

/// <summary>
/// What one batch did to an incident: its new summary, the changes on the way, and the summary
/// of a wave that closed because this batch opened a new one.
/// </summary>
public sealed record IncidentUpdate(IncidentSummary Summary, IReadOnlyList<TierChange> Changes)
{
    public IReadOnlyList<IncidentSummary> ClosedWaves { get; init; } = [];

    /// <summary>Complaints of this batch flagged as templated near-duplicates of another customer's text.</summary>
    public long NewlyTemplated { get; init; }

    /// <summary>Where each complaint of this batch went (wave, repeat, text comparison), for explaining it; none for those already applied.</summary>
    public IReadOnlyList<ComplaintPlacement> Placements { get; init; } = [];
}
