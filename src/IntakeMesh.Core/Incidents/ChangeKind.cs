namespace IntakeMesh.Core.Incidents;

/// <summary>What an entry of an incident's history records.</summary>
public enum ChangeKind
{
    /// <summary>The incident (a wave on its key) opened with its first complaint.</summary>
    Opened,
    /// <summary>The tier or the phase rose on a complaint.</summary>
    Raised,
    /// <summary>A first-response deadline passed without acknowledgement: one tier up, once.</summary>
    DeadlineMissed,
    /// <summary>An operator acknowledged the incident at its current tier.</summary>
    Acknowledged,
    /// <summary>An operator resolved the incident; it is closed.</summary>
    Resolved,
    /// <summary>The quiet period passed without a new complaint; it is closed.</summary>
    Closed,
}
