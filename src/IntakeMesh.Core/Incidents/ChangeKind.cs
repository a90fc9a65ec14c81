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
    /// <summary>The quiet period passed without a new complaint, or the incident reached its maximum age; it is closed.</summary>
    Closed,
    /// <summary>An operator merged another incident into this one, or this one into another (which closes it).</summary>
    Merged,
    /// <summary>An operator split chosen complaints out of this incident into a new one, or this one was made by a split.</summary>
    Split,
}
