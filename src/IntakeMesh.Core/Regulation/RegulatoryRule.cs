namespace IntakeMesh.Core.Regulation;

/// <summary>
/// The deadlines one regulator sets, bound from <c>Regulation:Rules:{name}</c>. A configured rule
/// replaces the shipped rule of the same name as a whole.
/// </summary>
public sealed class RegulatoryRule
{
    /// <summary>
    /// Names and aliases of the regulator bodies the rule applies to, matched case-insensitively
    /// within the record's body name ("SAMR", "12315", "市场监管", "FCA"). Empty: the rule applies
    /// only through a regulated product line.
    /// </summary>
    public List<string> Bodies { get; set; } = [];

    /// <summary>The name of the calendar (in <c>Regulation:Calendars</c>) the days are counted in.</summary>
    public string Calendar { get; set; } = "";

    /// <summary>The rule's deadlines, in order; the last one is the final stage a record's own due date replaces.</summary>
    public List<StageRule> Stages { get; set; } = [];
}
