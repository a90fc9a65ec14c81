namespace IntakeMesh.Core.Incidents.Board;

/// <summary>The board's order: open incidents first, then highest tier, then most recent, then id.</summary>
public sealed class BoardOrder : IComparer<IncidentSummary>
{
    public static BoardOrder Instance { get; } = new();

    public static bool IsOpen(IncidentSummary summary) => summary.Status is IncidentStatus.Open or IncidentStatus.Acknowledged;

    public int Compare(IncidentSummary? x, IncidentSummary? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }
        var byOpen = IsOpen(y).CompareTo(IsOpen(x));
        if (byOpen != 0)
        {
            return byOpen;
        }
        var byTier = y.Tier.CompareTo(x.Tier);
        if (byTier != 0)
        {
            return byTier;
        }
        var byLast = y.LastSeen.CompareTo(x.LastSeen);
        return byLast != 0 ? byLast : string.CompareOrdinal(x.Id, y.Id);
    }
}
