namespace IntakeMesh.Core.Incidents;

/// <summary>Where an incident stands with the operators.</summary>
public enum IncidentStatus
{
    /// <summary>Open and waiting for a first response at its current tier.</summary>
    Open,
    /// <summary>Open; an operator acknowledged its current tier.</summary>
    Acknowledged,
    /// <summary>Closed by an operator; a later complaint opens a new wave.</summary>
    Resolved,
    /// <summary>Closed after the quiet period; a later complaint opens a new wave.</summary>
    Closed,
}
