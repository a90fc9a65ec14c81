namespace IntakeMesh.Core.Incidents;

/// <summary>An operator's action on an incident: who, when, at which tier, and their note.</summary>
public sealed record OperatorAction(DateTimeOffset At, string By, string? Note, Tier Tier);
