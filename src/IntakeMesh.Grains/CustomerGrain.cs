using IntakeMesh.Abstractions;
using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace IntakeMesh.Grains;

/// <summary>
/// Thin shell around <see cref="Customer"/>: applies a batch and stores once. An identifier that
/// was linked to a stronger one (an email seen with a phone number) forwards its complaints there,
/// so a person who calls and then emails is one customer. It keeps the customer's sealed
/// identifiers and, given the vault, moves them to the current key whenever it stores (rotation).
/// Operators correct links (unlink, manual link) through it; see <see cref="Customer.Unlink"/>.
/// </summary>
// Most customers complain once in a long while: an idle customer leaves memory after two minutes
// (a redial still finds it active) and comes back from storage when they write again, so a steady
// stream of new customers does not grow the silo without end.
[CollectionAgeLimit(Minutes = 2)]
public sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.State)] IPersistentState<CustomerState> state,
    IOptions<DetectionOptions> options,
    IdentifierVault? vault = null)
    : Grain, ICustomerGrain
{
    private Customer? _customer;

    private Customer Model => _customer ??= new Customer(state.State, options.Value) { State = { Key = this.GetPrimaryKeyString() } };

    Task<Immutable<ComplaintFact[]>> ICustomerGrain.SubmitAsync(Immutable<ComplaintFact[]> complaints) => SubmitAsync(null, complaints);

    Task<Immutable<ComplaintFact[]>> ICustomerGrain.SubmitFromAliasAsync(string origin, Immutable<ComplaintFact[]> complaints) => SubmitAsync(origin, complaints);

    private async Task<Immutable<ComplaintFact[]>> SubmitAsync(string? origin, Immutable<ComplaintFact[]> complaints)
    {
        var customer = Model;
        if (customer.State.AliasOf is { } canonical)
        {
            var forwarded = complaints.Value.Select(f => f with { CustomerKey = canonical }).ToArray();
            return await GrainFactory.GetGrain<ICustomerGrain>(canonical).SubmitFromAliasAsync(origin ?? customer.State.Key, new(forwarded));
        }

        // On event time, as the incident applies them: a batch holds several partitions in any order,
        // and which contact was first must not depend on that.
        var batch = complaints.Value.Length < 2 ? complaints.Value : [.. complaints.Value.OrderBy(f => f.OccurredAt)];
        var verdicts = new ComplaintFact[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            verdicts[i] = customer.Accept(batch[i], origin);
        }
        // Links are idempotent: made before they are remembered, so a failed write only repeats them.
        foreach (var alias in customer.UnlinkedAliases(batch))
        {
            await GrainFactory.GetGrain<ICustomerGrain>(alias).LinkToAsync(customer.State.Key);
            customer.Linked(alias);
        }
        if (vault is not null)
        {
            customer.Reseal(vault);
        }
        await WriteAsync();
        return new(verdicts);
    }

    async Task ICustomerGrain.LinkToAsync(string canonical)
    {
        if (Model.LinkTo(canonical))
        {
            await WriteAsync();
        }
    }

    async Task<bool> ICustomerGrain.AdvanceAsync(string complaintId, ComplaintStage stage)
    {
        if (state.State.AliasOf is { } canonical)
        {
            return await GrainFactory.GetGrain<ICustomerGrain>(canonical).AdvanceAsync(complaintId, stage);
        }
        if (!Model.Advance(complaintId, stage, DateTimeOffset.UtcNow))
        {
            return false;
        }
        await WriteAsync();
        return true;
    }

    Task<CustomerState?> ICustomerGrain.GetAsync() =>
        Task.FromResult(state.RecordExists || state.State.Complaints > 0 || state.State.AliasOf is not null ? state.State : null);

    private async Task WriteAsync()
    {
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
    }
}
