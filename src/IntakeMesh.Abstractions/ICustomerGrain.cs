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

    /// <summary>Records complaints forwarded from a linked identifier; <paramref name="origin"/> is the key they came through, so an unlink can give them back.</summary>
    [Alias("SubmitFromAlias")]
    Task<Immutable<ComplaintFact[]>> SubmitFromAliasAsync(string origin, Immutable<ComplaintFact[]> complaints);

    /// <summary>An operator's unlink: the alias gets back the complaints that came through it, incidents are re-attributed, and events never link the two again. False when not linked here.</summary>
    [Alias("Unlink")]
    Task<bool> UnlinkAsync(string aliasKey);

    /// <summary>The alias side of an unlink: stops pointing at the customer, remembers the separation and takes back what moved.</summary>
    [Alias("TakeBack")]
    Task TakeBackAsync(Immutable<IdentityMove> move);

    /// <summary>An operator's manual link: the alias points here from now on and its complaints move in. False when already linked here, or this customer is itself an alias.</summary>
    [Alias("Link")]
    Task<bool> LinkAsync(string aliasKey);

    /// <summary>The alias side of a manual link: points at the canonical customer and returns the complaints and identifiers it handed over.</summary>
    [Alias("HandOver")]
    Task<Immutable<IdentityMove>> HandOverAsync(string canonicalKey);

    /// <summary>The customer's stored state, or null when the customer never complained.</summary>
    [Alias("Get")]
    Task<CustomerState?> GetAsync();
}
