namespace IntakeMesh.Alerts.Policy;

/// <summary>A regulator case that first appeared on an incident with a change.</summary>
/// <param name="CaseReference">The regulator's own case reference.</param>
/// <param name="DueAt">When the regulator expects the answer, when known.</param>
public sealed record RegulatorCaseFact(string CaseReference, DateTimeOffset? DueAt);
