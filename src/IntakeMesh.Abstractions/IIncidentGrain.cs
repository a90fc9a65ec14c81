using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Incidents;
using Orleans.Concurrency;

namespace IntakeMesh.Abstractions;

/// <summary>One incident, keyed by incident key: participants, group phase and crisis tier.</summary>
[Alias("IntakeMesh.IIncidentGrain")]
public interface IIncidentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies a batch of accepted complaints in event-time order and stores the result. The update
    /// is built fresh for the caller, so it travels uncopied.
    /// </summary>
    [Alias("Apply")]
    Task<Immutable<IncidentUpdate>> ApplyAsync(Immutable<ComplaintFact[]> complaints);

    /// <summary>An operator takes the incident on: stops deadline escalation and re-notification.</summary>
    [Alias("Acknowledge")]
    Task<IncidentSummary?> AcknowledgeAsync(string by, string? note);

    /// <summary>An operator resolves the incident: it closes, a resolve alert goes out, a later complaint opens a new wave.</summary>
    [Alias("Resolve")]
    Task<IncidentSummary?> ResolveAsync(string by, string? note);

    /// <summary>Re-attributes complaints an operator's identity correction moved to another customer; the summary when the incident exists.</summary>
    [Alias("Reattribute")]
    Task<IncidentSummary?> ReattributeAsync(Immutable<IncidentReattribution> move);

    /// <summary>
    /// An operator merges this key's open incident into the open incident on <paramref name="targetKey"/>:
    /// that one takes its complaints, this one closes, and later complaints on this key go there.
    /// Null when this key has no incident; throws <see cref="InvalidOperationException"/> when either is not open.
    /// </summary>
    [Alias("MergeInto")]
    Task<Regrouped?> MergeIntoAsync(string targetKey, string by, string? note);

    /// <summary>Takes in another key's open incident (the other half of <see cref="MergeIntoAsync"/>).</summary>
    [Alias("Absorb")]
    Task<IncidentSummary> AbsorbAsync(IncidentState other, string by, string? note);

    /// <summary>
    /// An operator splits the complaints <paramref name="choice"/> picks out of this key's open incident
    /// into a new incident. Null when this key has no incident; throws <see cref="InvalidOperationException"/>
    /// when it cannot be split or the choice picks none or all of its complaints.
    /// </summary>
    [Alias("Split")]
    Task<Regrouped?> SplitAsync(SplitChoice choice, string by, string? note);

    /// <summary>Starts this new key with an incident a split made (the other half of <see cref="SplitAsync"/>).</summary>
    [Alias("Adopt")]
    Task<IncidentSummary> AdoptAsync(IncidentState incident);

    /// <summary>
    /// An operator marks a case exceptional, so its stage gets the rule's longer length (the FCA's 35
    /// business days for payment services). Null when this key has no incident; throws
    /// <see cref="InvalidOperationException"/> saying why when the stage cannot be marked.
    /// </summary>
    [Alias("MarkExceptional")]
    Task<IncidentSummary?> MarkExceptionalAsync(string caseRef, string stage);

    /// <summary>The incident's stored state, or null when nothing was ever applied.</summary>
    [Alias("Get")]
    Task<IncidentState?> GetAsync();
}
