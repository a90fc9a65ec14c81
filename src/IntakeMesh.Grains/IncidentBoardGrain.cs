using IntakeMesh.Abstractions;
using IntakeMesh.Core.Incidents;
using Orleans.Concurrency;

namespace IntakeMesh.Grains;

/// <summary>
/// The read model behind the incident list. Incidents report here once per batch, not per
/// complaint, so one board keeps up with the intake.
/// </summary>
public sealed class IncidentBoardGrain(
    [PersistentState("board", StorageNames.State)] IPersistentState<Dictionary<string, IncidentSummary>> state)
    : Grain, IIncidentBoardGrain
{
    async Task<Dictionary<Tier, int>> IIncidentBoardGrain.UpdateAsync(Immutable<IncidentSummary[]> summaries)
    {
        foreach (var summary in summaries.Value)
        {
            state.State[summary.Id] = summary;
        }
        await state.WriteStateAsync();
        var perTier = Enum.GetValues<Tier>().ToDictionary(tier => tier, _ => 0);
        foreach (var summary in state.State.Values.Where(IsOpen))
        {
            perTier[summary.Tier]++;
        }
        return perTier;
    }

    Task<IncidentSummary[]> IIncidentBoardGrain.ListAsync() => Task.FromResult(
        state.State.Values
            .OrderByDescending(IsOpen)
            .ThenByDescending(s => s.Tier)
            .ThenByDescending(s => s.LastSeen)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToArray());

    private static bool IsOpen(IncidentSummary summary) => summary.Status is IncidentStatus.Open or IncidentStatus.Acknowledged;

    Task<IncidentSummary?> IIncidentBoardGrain.FindAsync(string incidentId) =>
        Task.FromResult(state.State.GetValueOrDefault(incidentId));
}
