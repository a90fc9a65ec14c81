using IntakeMesh.Core.Incidents;
using Orleans.Concurrency;

namespace IntakeMesh.Abstractions;

/// <summary>The read model of every incident's summary, for listing and lookup by id.</summary>
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
}
