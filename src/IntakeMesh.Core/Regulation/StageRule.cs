namespace IntakeMesh.Core.Regulation;

/// <summary>One deadline of a rule: how long, counted how, from when, and what meets it.</summary>
public sealed class StageRule
{
    /// <summary>The stage's name, unique within its rule, e.g. "acceptance", "response" or "final".</summary>
    public string Name { get; set; } = "";

    /// <summary>The stage's length.</summary>
    public int Days { get; set; }

    public DayUnit Unit { get; set; } = DayUnit.CalendarDays;

    /// <summary>
    /// The longer length that applies in exceptional cases once the case is marked so (the FCA's 35
    /// business days for payment services); null when the stage has none.
    /// </summary>
    public int? ExceptionalDays { get; set; }

    /// <summary>The operator action that meets the deadline.</summary>
    public StopCondition StopsOn { get; set; } = StopCondition.Resolved;

    /// <summary>
    /// The earlier stage this one counts from (China's mediation counts from acceptance); null
    /// counts from receipt. Until the earlier stage stops, the stage counts from receipt, so that its
    /// warnings come early rather than late; when it stops, the stage counts from that moment.
    /// </summary>
    public string? After { get; set; }
}
