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

    /// <summary>The incident's stored state, or null when nothing was ever applied.</summary>
    [Alias("Get")]
    Task<IncidentState?> GetAsync();
}
