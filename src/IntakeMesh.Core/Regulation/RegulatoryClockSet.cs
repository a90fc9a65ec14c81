namespace IntakeMesh.Core.Regulation;

/// <summary>
/// The regulatory clocks of one incident, one per case reference, bounded by
/// <see cref="RegulationOptions.MaxClocks"/>. Plain data, for the incident's stored state.
/// </summary>
public sealed class RegulatoryClockSet
{
    public List<RegulatoryClock> Clocks { get; set; } = [];

    /// <summary>Clocks dropped because the set was full (those with the latest or no open deadline go first).</summary>
    public long Dropped { get; set; }

    public RegulatoryClock? Find(string caseRef) => Clocks.Find(c => string.Equals(c.CaseRef, caseRef, StringComparison.Ordinal));
}
