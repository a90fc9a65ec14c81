using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Incidents.Board;
using Orleans.Concurrency;

namespace IntakeMesh.Abstractions;

/// <summary>The read model of every incident's summary, for listing, paging and lookup by id.</summary>
[Alias("IntakeMesh.IIncidentBoardGrain")]
public interface IIncidentBoardGrain : IGrainWithIntegerKey
{
    /// <summary>Replaces the summaries of the given incidents; returns open incidents per tier.</summary>
    [Alias("Update")]
    Task<Dictionary<Tier, int>> UpdateAsync(Immutable<IncidentSummary[]> summaries);

    /// <summary>Every incident, highest tier first, then most recent.</summary>
    [Alias("List")]
    Task<IncidentSummary[]> ListAsync();

    /// <summary>One incident's summary by id.</summary>
    [Alias("Find")]
    Task<IncidentSummary?> FindAsync(string incidentId);

    /// <summary>One filtered page of the board, in board order, with the revision of each summary.</summary>
    [Alias("Page")]
    [ReadOnly]
    Task<BoardPage> PageAsync(BoardQuery query);

    /// <summary>Several pages in one call (the change feed reads every open page at once).</summary>
    [Alias("Pages")]
    [ReadOnly]
    Task<BoardPage[]> PagesAsync(BoardQuery[] queries);

    /// <summary>The board's current version: cheap, for telling whether anything changed.</summary>
    [Alias("Version")]
    [ReadOnly]
    Task<BoardVersion> VersionAsync();
}
