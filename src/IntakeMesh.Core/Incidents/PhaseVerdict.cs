namespace IntakeMesh.Core.Incidents;

/// <summary>What one complaint's window counts say: the phase they reach, why, and whether they keep the wave going.</summary>
internal readonly record struct PhaseVerdict(Phase Phase, string? Reason, bool Active, Baseline? Baseline);
