using System.ComponentModel.DataAnnotations;

namespace IntakeMesh.Ingestion.Explain;

/// <summary>Complaint explanations (section "Explain").</summary>
public sealed class ExplainOptions
{
    public const string Section = "Explain";

    /// <summary>Complaints whose explanations the in-memory store keeps (the latest ones); used when Storage:Provider is Memory.</summary>
    [Range(1, 10_000_000)]
    public int MemoryCapacity { get; set; } = 100_000;
}
