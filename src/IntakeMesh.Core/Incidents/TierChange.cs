namespace IntakeMesh.Core.Incidents;

/// <summary>One entry of an incident's history: a change of its tier, phase or status, with the figures behind it.</summary>
public sealed record TierChange(
    DateTimeOffset At,
    Tier FromTier,
    Tier ToTier,
    Phase FromPhase,
    Phase ToPhase,
    IReadOnlyList<string> Reasons,
    string Playbook,
    DateTimeOffset ResponseDue)
{
    /// <summary>What happened; a rise of tier or phase unless said otherwise.</summary>
    public ChangeKind Kind { get; init; } = ChangeKind.Raised;

    /// <summary>The incident (wave) it happened to.</summary>
    public string IncidentId { get; init; } = "";

    /// <summary>Distinct customers in the incident at the time.</summary>
    public long Participants { get; init; }

    /// <summary>Templated complaints in the incident at the time.</summary>
    public long Templated { get; init; }

    /// <summary>The rules that fired, with their figures and thresholds (the same as <see cref="Reasons"/>, as data); none for closes and operator actions.</summary>
    public IReadOnlyList<TierRule> Rules { get; init; } = [];
}
