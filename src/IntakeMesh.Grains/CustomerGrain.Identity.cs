using IntakeMesh.Abstractions;
using IntakeMesh.Core.Customers;
using Orleans.Concurrency;

namespace IntakeMesh.Grains;

/// <summary>
/// An operator's identity corrections. The receiving side stores before the giving side, so a
/// failure in between leaves complaints at both (a retried correction skips what it already took)
/// rather than at neither; then each incident the moved complaints touched is re-attributed.
/// </summary>
// REVIEW: the grains are not reentrant, so an alias forwarding a complaint at the very moment its
// customer calls it for a correction waits for the call timeout; the correction then fails and can be retried.
public sealed partial class CustomerGrain
{
    async Task<bool> ICustomerGrain.UnlinkAsync(string aliasKey)
    {
        var customer = Model;
        var alias = GrainFactory.GetGrain<ICustomerGrain>(aliasKey);
        if (!customer.HasAlias(aliasKey) && (await alias.GetAsync())?.AliasOf != customer.State.Key)
        {
            return false;
        }
        var move = customer.Unlink(aliasKey);
        try
        {
            await alias.TakeBackAsync(new(move));
        }
        catch
        {
            await ReloadAsync();
            throw;
        }
        await WriteAsync();
        await ReattributeAsync(move);
        return true;
    }

    async Task ICustomerGrain.TakeBackAsync(Immutable<IdentityMove> move)
    {
        Model.TakeBack(move.Value);
        await WriteAsync();
    }

    async Task<bool> ICustomerGrain.LinkAsync(string aliasKey)
    {
        var customer = Model;
        if (aliasKey == customer.State.Key || customer.State.AliasOf is not null)
        {
            return false;
        }
        var alias = GrainFactory.GetGrain<ICustomerGrain>(aliasKey);
        var current = (await alias.GetAsync())?.AliasOf;
        if (current == customer.State.Key)
        {
            return false;
        }
        if (current is not null)
        {
            // The first automatic link went elsewhere: undo it as an unlink, so its complaints come back first.
            await GrainFactory.GetGrain<ICustomerGrain>(current).UnlinkAsync(aliasKey);
        }
        // Take in what the alias will hand over (worked out on a copy of its state) and store it
        // before the alias lets go, so a failure in between never loses complaints.
        var copy = await alias.GetAsync() ?? new CustomerState();
        copy.Key = aliasKey;
        var preview = new Customer(copy, options.Value).HandOver(customer.State.Key);
        customer.Link(aliasKey, preview);
        await WriteAsync();
        // Whatever reached the alias meanwhile is in what it actually handed over; taking it in again skips what is here.
        var move = (await alias.HandOverAsync(customer.State.Key)).Value;
        customer.Link(aliasKey, move);
        await WriteAsync();
        await ReattributeAsync(move);
        return true;
    }

    async Task<Immutable<IdentityMove>> ICustomerGrain.HandOverAsync(string canonicalKey)
    {
        var move = Model.HandOver(canonicalKey);
        await WriteAsync();
        return new(move);
    }

    private async Task ReattributeAsync(IdentityMove move)
    {
        var summaries = new List<Core.Incidents.IncidentSummary>(move.Incidents.Count);
        foreach (var incident in move.Incidents)
        {
            if (await GrainFactory.GetGrain<IIncidentGrain>(incident.IncidentKey).ReattributeAsync(new(incident)) is { } summary)
            {
                summaries.Add(summary);
            }
        }
        if (summaries.Count > 0)
        {
            await GrainFactory.GetGrain<IIncidentBoardGrain>(0).UpdateAsync(new([.. summaries]));
        }
    }

    private async Task ReloadAsync()
    {
        // The in-memory correction did not happen: go back to what was stored.
        await state.ReadStateAsync();
        _customer = null;
    }
}
