namespace IntakeMesh.Core.Understanding;

/// <summary>Where a demand term was found, so an amount nearby can be tied to it.</summary>
internal readonly record struct DemandHit(DemandKind Kind, int Start, int End);
