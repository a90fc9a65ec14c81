using IntakeMesh.Abstractions;
using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Incidents;
using Orleans.Concurrency;

namespace IntakeMesh.Grains;

/// <summary>Identity corrections: complaints an operator moved to another customer change who took part.</summary>
public sealed partial class IncidentGrain
{
    async Task<IncidentSummary?> IIncidentGrain.ReattributeAsync(Immutable<IncidentReattribution> move)
    {
        if (Current.IsNew)
        {
            return null;
        }
        if (Model.Reattribute(move.Value))
        {
            await WriteAsync();
        }
        return IncidentSummary.From(Current);
    }
}
