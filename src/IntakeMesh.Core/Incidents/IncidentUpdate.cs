namespace IntakeMesh.Core.Incidents;

/// <summary>What one batch did to an incident: its new summary and the changes on the way.</summary>
public sealed record IncidentUpdate(IncidentSummary Summary, IReadOnlyList<TierChange> Changes);
