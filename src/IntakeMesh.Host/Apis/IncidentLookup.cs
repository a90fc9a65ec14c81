using IntakeMesh.Abstractions;
using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Host.Apis;

internal static class IncidentLookup
{
    /// <summary>
    /// An incident by id: the board knows its key, and the key's grain holds its state (or, once the
    /// wave closed, a newer wave's). Null when either does not know it.
    /// </summary>
    public static async Task<(IncidentSummary Summary, IncidentState State)?> FindIncidentAsync(this IGrainFactory grains, string id)
    {
        if (await grains.GetGrain<IIncidentBoardGrain>(0).FindAsync(id) is not { } summary)
        {
            return null;
        }
        var state = await grains.GetGrain<IIncidentGrain>(summary.Key).GetAsync();
        return state is null ? null : (summary, state);
    }
}
