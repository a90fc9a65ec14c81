namespace IntakeMesh.Core.Incidents;

/// <summary>Crisis tiers of design.md, in rising order.</summary>
public enum Tier
{
    T0,
    T1,
    T2,
    T3,
    T4,
}
