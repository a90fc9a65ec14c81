namespace IntakeMesh.Core.Regulation;

/// <summary>How a stage's length is counted.</summary>
public enum DayUnit
{
    /// <summary>Every day counts, weekends and holidays included.</summary>
    CalendarDays,

    /// <summary>Only the calendar's working days count (make-up working days included, holidays excluded).</summary>
    WorkingDays,
}
