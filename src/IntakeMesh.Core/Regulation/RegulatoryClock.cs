using System.Text.Json.Serialization;

namespace IntakeMesh.Core.Regulation;

/// <summary>
/// The regulatory deadlines of one complaint or regulator case. Plain data so that it serialises as
/// it is; <see cref="RegulatoryClocks"/> holds the rules that change it.
/// </summary>
public sealed class RegulatoryClock
{
    /// <summary>The regulator's case reference, or the complaint's id when it has none; unique within a set.</summary>
    public string CaseRef { get; set; } = "";

    /// <summary>The rule's name, or <see cref="RegulationOptions.RecordRule"/> when only the record's own due date applies.</summary>
    public string Rule { get; set; } = "";

    /// <summary>The regulator body as the record named it, when it did.</summary>
    public string? Body { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The rule's stages, in the rule's order.</summary>
    public List<StageDeadline> Stages { get; set; } = [];

    [JsonIgnore]
    public bool IsOpen => Stages.Exists(s => s.IsOpen);

    /// <summary>The earliest deadline of a stage still open; null when every stage has stopped.</summary>
    [JsonIgnore]
    public DateTimeOffset? EarliestOpenDue => Stages.Where(s => s.IsOpen).Select(s => (DateTimeOffset?)s.DueAt).Min();

    public StageDeadline? Stage(string name) => Stages.Find(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public RegulatoryClock Copy() => new()
    {
        CaseRef = CaseRef,
        Rule = Rule,
        Body = Body,
        ReceivedAt = ReceivedAt,
        Stages = Stages.ConvertAll(s => s.Copy()),
    };
}
