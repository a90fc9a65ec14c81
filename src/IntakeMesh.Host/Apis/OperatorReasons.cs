using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Host.Apis;

/// <summary>
/// An operator action's history entry gives its reason as "acknowledged at T3 by NAME: NOTE" or
/// "resolved by NAME: NOTE", and an incident's summary repeats its latest entry's reasons. For
/// viewers both keep what happened and drop who did it and what they wrote (a note may quote a customer).
/// </summary>
public static class OperatorReasons
{
    // REVIEW: this reads the sentence the core writes (Incident.Operator); the sturdier fix is a
    // history entry that carries the operator and note apart from its reasons.
    private static readonly string[] ActionPrefixes = ["acknowledged at ", "resolved by "];

    // Merges and splits name the other incident first, then who did it: "… merged in by NAME: NOTE".
    private static readonly string[] RegroupMarkers = [" merged in", "merged into ", " split out into "];

    public static IReadOnlyList<string> WithoutOperators(IReadOnlyList<string> reasons) => [.. reasons.Select(WithoutOperator)];

    /// <summary>An operator action's entry with a neutral reason; any other entry as it is.</summary>
    public static TierChange WithoutOperator(TierChange change) => change.Kind switch
    {
        ChangeKind.Acknowledged => change with { Reasons = [$"acknowledged at {change.ToTier} by an operator"] },
        ChangeKind.Resolved => change with { Reasons = ["resolved by an operator"] },
        ChangeKind.Merged or ChangeKind.Split => change with { Reasons = WithoutOperators(change.Reasons) },
        _ => change,
    };

    private static string WithoutOperator(string reason)
    {
        foreach (var marker in RegroupMarkers)
        {
            var at = reason.IndexOf(marker, StringComparison.Ordinal);
            var actor = at < 0 ? -1 : reason.IndexOf(" by ", at, StringComparison.Ordinal);
            if (actor >= 0)
            {
                return $"{reason[..actor]} by an operator";
            }
        }
        if (!ActionPrefixes.Any(p => reason.StartsWith(p, StringComparison.Ordinal)))
        {
            return reason;
        }
        var by = reason.IndexOf(" by ", StringComparison.Ordinal);
        return $"{reason[..by]} by an operator";
    }
}
