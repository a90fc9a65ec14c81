using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Incidents;
using Orleans.Concurrency;

namespace IntakeMesh.Abstractions;

/// <summary>One pseudonymous customer, keyed by customer key: deduplicates their complaints.</summary>
[Alias("IntakeMesh.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Records a batch of this customer's complaints and returns the ones that are not redeliveries.</summary>
    [Alias("Submit")]
    Task<Immutable<ComplaintFact[]>> SubmitAsync(Immutable<ComplaintFact[]> complaints);

    /// <summary>Makes this identifier an alias of a stronger one: later complaints here go there. The first link wins.</summary>
    [Alias("LinkTo")]
    Task LinkToAsync(string canonicalKey);

    /// <summary>Moves one of the customer's complaints forward: accepted → handling → replied → followed up. False when unknown or not forward.</summary>
    [Alias("Advance")]
    Task<bool> AdvanceAsync(string complaintId, ComplaintStage stage);

    /// <summary>The customer's stored state, or null when the customer never complained.</summary>
    [Alias("Get")]
    Task<CustomerState?> GetAsync();
}
