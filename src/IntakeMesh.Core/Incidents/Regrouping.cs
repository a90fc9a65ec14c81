namespace IntakeMesh.Core.Incidents;

/// <summary>
/// Which complaints an operator splits out: those of the given customers, those within a time range,
/// or those of the customers within the range when both are given.
/// </summary>
public sealed record SplitChoice(IReadOnlyList<string> Customers, DateTimeOffset? From, DateTimeOffset? To)
{
    public bool IsEmpty => Customers.Count == 0 && From is null && To is null;

    /// <summary>True for a complaint this choice picks; the range includes its start and excludes its end.</summary>
    public bool Picks(ComplaintFact fact) =>
        (Customers.Count == 0 || Customers.Contains(fact.CustomerKey, StringComparer.Ordinal))
        && (From is not { } from || fact.OccurredAt >= from)
        && (To is not { } to || fact.OccurredAt < to);
}

/// <summary>The two incidents a merge or split left: the one acted on and the other (merged in, or split out).</summary>
public sealed record Regrouped(IncidentSummary Incident, IncidentSummary Other);
