namespace IntakeMesh.Core.Incidents;

/// <summary>One change of an incident's tier or phase, with the figures behind it.</summary>
public sealed record TierChange(
    DateTimeOffset At,
    Tier FromTier,
    Tier ToTier,
    Phase FromPhase,
    Phase ToPhase,
    IReadOnlyList<string> Reasons,
    string Playbook,
    DateTimeOffset ResponseDue);
