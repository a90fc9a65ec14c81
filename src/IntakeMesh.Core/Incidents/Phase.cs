namespace IntakeMesh.Core.Incidents;

/// <summary>How far a group complaint has developed: one starter, a few followers, a mass response (domain.md §4).</summary>
public enum Phase
{
    Single,
    Following,
    Mass,
}
