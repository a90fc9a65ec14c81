using IntakeMesh.Abstractions;
using IntakeMesh.Core.Incidents;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace IntakeMesh.Grains;

/// <summary>Thin shell around <see cref="Incident"/>: applies a batch in event-time order, stores once.</summary>
public sealed class IncidentGrain(
    [PersistentState("incident", StorageNames.State)] IPersistentState<IncidentState> state,
    IOptions<DetectionOptions> options)
    : Grain, IIncidentGrain
{
    private Incident? _incident;

    async Task<IncidentUpdate> IIncidentGrain.ApplyAsync(Immutable<ComplaintFact[]> complaints)
    {
        var incident = _incident ??= new Incident(state.State, options.Value);
        var changes = new List<TierChange>();
        foreach (var fact in complaints.Value.OrderBy(f => f.OccurredAt))
        {
            if (incident.Apply(fact) is { } change)
            {
                changes.Add(change);
            }
        }
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            _incident = null;
            DeactivateOnIdle();
            throw;
        }
        return new IncidentUpdate(IncidentSummary.From(state.State), changes);
    }

    Task<IncidentState?> IIncidentGrain.GetAsync() =>
        Task.FromResult(state.State.IsNew ? null : state.State);
}
