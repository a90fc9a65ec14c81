using IntakeMesh.Abstractions;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Incidents.Board;
using Orleans.Concurrency;

namespace IntakeMesh.Grains;

/// <summary>
/// The read model behind the incident list and the board. Incidents report here once per batch,
/// not per complaint, so one board keeps up with the intake; of two summaries of an incident, the
/// one with the higher revision stays. Every update raises a version, and
/// each summary remembers the version it last changed at, so the change feed can push only what
/// changed. The sorted order is kept until the next update, so paging 10,000 incidents is a scan,
/// not a sort.
/// </summary>
public sealed class IncidentBoardGrain(
    [PersistentState("board", StorageNames.State)] IPersistentState<Dictionary<string, IncidentSummary>> state)
    : Grain, IIncidentBoardGrain
{
    // Versions live in memory: a new activation starts a new epoch, and subscribers start over.
    private readonly string _epoch = Guid.NewGuid().ToString("N")[..12];
    private readonly Dictionary<string, long> _revisions = new(StringComparer.Ordinal);
    private long _version;
    private IncidentSummary[]? _sorted;

    async Task<Dictionary<Tier, int>> IIncidentBoardGrain.UpdateAsync(Immutable<IncidentSummary[]> summaries)
    {
        if (summaries.Value.Length > 0)
        {
            _version++;
        }
        foreach (var summary in summaries.Value)
        {
            // Silos report the same incident from their own batches, in any order: the newest stays.
            if (state.State.TryGetValue(summary.Id, out var held) && held.Revision > summary.Revision)
            {
                continue;
            }
            state.State[summary.Id] = summary;
            _revisions[summary.Id] = _version;
        }
        _sorted = null;
        await state.WriteStateAsync();
        return OpenByTier();
    }

    Task<IncidentSummary[]> IIncidentBoardGrain.ListAsync() => Task.FromResult<IncidentSummary[]>([.. Sorted()]);

    Task<IncidentSummary?> IIncidentBoardGrain.FindAsync(string incidentId) =>
        Task.FromResult(state.State.GetValueOrDefault(incidentId));

    Task<BoardPage> IIncidentBoardGrain.PageAsync(BoardQuery query) => Task.FromResult(Page(query, OpenByTier()));

    Task<BoardPage[]> IIncidentBoardGrain.PagesAsync(BoardQuery[] queries)
    {
        var perTier = OpenByTier();
        return Task.FromResult(queries.Select(query => Page(query, perTier)).ToArray());
    }

    Task<BoardVersion> IIncidentBoardGrain.VersionAsync() => Task.FromResult(new BoardVersion(_epoch, _version));

    private BoardPage Page(BoardQuery query, Dictionary<Tier, int> perTier)
    {
        query = query.Normalized();
        var skip = (long)(query.Page - 1) * query.PageSize;
        var items = new List<IncidentSummary>(query.PageSize);
        var total = 0;
        if (query.IncidentId is { } id)
        {
            if (state.State.TryGetValue(id, out var one) && query.Matches(one))
            {
                total = 1;
                items.Add(one);
            }
        }
        else
        {
            foreach (var summary in Sorted())
            {
                if (!query.Matches(summary))
                {
                    continue;
                }
                if (total >= skip && items.Count < query.PageSize)
                {
                    items.Add(summary);
                }
                total++;
            }
        }
        var revisions = items.Select(s => _revisions.GetValueOrDefault(s.Id)).ToArray();
        return new BoardPage(items, revisions, total, query.Page, query.PageSize, new BoardVersion(_epoch, _version))
        {
            OpenByTier = perTier,
        };
    }

    private IncidentSummary[] Sorted()
    {
        if (_sorted is null)
        {
            _sorted = [.. state.State.Values];
            Array.Sort(_sorted, BoardOrder.Instance);
        }
        return _sorted;
    }

    private Dictionary<Tier, int> OpenByTier()
    {
        var perTier = Enum.GetValues<Tier>().ToDictionary(tier => tier, _ => 0);
        foreach (var summary in state.State.Values)
        {
            if (BoardOrder.IsOpen(summary))
            {
                perTier[summary.Tier]++;
            }
        }
        return perTier;
    }
}
