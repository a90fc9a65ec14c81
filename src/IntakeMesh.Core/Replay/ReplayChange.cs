using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Core.Replay;

/// <summary>One line of replay output: an incident's change, on event time, with its figures at that moment and the rules that fired.</summary>
public sealed record ReplayChange(
    string IncidentId,
    string Key,
    DateTimeOffset At,
    ChangeKind Kind,
    Tier Tier,
    Phase Phase,
    long Participants,
    long Templated,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<TierRule> Rules)
{
    public static ReplayChange From(string key, TierChange change) => new(
        change.IncidentId, key, change.At, change.Kind, change.ToTier, change.ToPhase, change.Participants, change.Templated, change.Reasons, change.Rules);
}
