namespace IntakeMesh.Core.Incidents.Board;

/// <summary>
/// One page of the board. <see cref="Revisions"/> runs beside <see cref="Items"/>: the board
/// version at which each summary last changed, so a subscriber can tell which ones it already has.
/// </summary>
public sealed record BoardPage(
    IReadOnlyList<IncidentSummary> Items,
    IReadOnlyList<long> Revisions,
    int Total,
    int Page,
    int PageSize,
    BoardVersion Version)
{
    /// <summary>Open incidents per tier, over the whole board (not only this page's filter).</summary>
    public IReadOnlyDictionary<Tier, int> OpenByTier { get; init; } = new Dictionary<Tier, int>();
}
