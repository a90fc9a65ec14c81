namespace IntakeMesh.Core.Regulation;

/// <summary>One warning or breach that came due on a case's stage.</summary>
/// <param name="CaseRef">The case the clock runs for.</param>
/// <param name="Rule">The rule's name ("record" when only the record's own due date applies).</param>
/// <param name="Body">The regulator body as the record named it, when it did.</param>
/// <param name="Stage">The stage's name, e.g. "acceptance" or "final".</param>
/// <param name="Kind">Warning or breach.</param>
/// <param name="Fraction">For a warning, the fraction of the stage's time that has passed (e.g. 0.75); null for a breach.</param>
/// <param name="DueAt">The stage's deadline.</param>
/// <param name="At">The instant the alarm came due (the warning's point in time, or the deadline).</param>
public sealed record RegulatoryAlarm(
    string CaseRef,
    string Rule,
    string? Body,
    string Stage,
    AlarmKind Kind,
    double? Fraction,
    DateTimeOffset DueAt,
    DateTimeOffset At);
