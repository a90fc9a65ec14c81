using IntakeMesh.Abstractions;
using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Incidents;
using Orleans.Concurrency;

namespace IntakeMesh.Grains;

/// <summary>Thin shell around <see cref="Customer"/>: applies a batch, stores once.</summary>
public sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.State)] IPersistentState<CustomerState> state)
    : Grain, ICustomerGrain
{
    private Customer? _customer;

    async Task<Immutable<ComplaintFact[]>> ICustomerGrain.SubmitAsync(Immutable<ComplaintFact[]> complaints)
    {
        var customer = _customer ??= new Customer(state.State);
        var batch = complaints.Value;
        var verdicts = new ComplaintFact[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            verdicts[i] = customer.Accept(batch[i]);
        }
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The in-memory state is ahead of storage now; start again from what was stored.
            _customer = null;
            DeactivateOnIdle();
            throw;
        }
        return new(verdicts);
    }

    Task<CustomerState?> ICustomerGrain.GetAsync() =>
        Task.FromResult(state.RecordExists || state.State.Complaints > 0 ? state.State : null);
}
