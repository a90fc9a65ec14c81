namespace IntakeMesh.Core.Understanding;

/// <summary>Adds <paramref name="Weight"/> to one slot of <see cref="SignalSlots"/> when a term matches.</summary>
internal readonly record struct TermEffect(int Slot, float Weight);
