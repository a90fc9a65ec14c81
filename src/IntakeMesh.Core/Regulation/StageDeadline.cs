using System.Text.Json.Serialization;

namespace IntakeMesh.Core.Regulation;

/// <summary>One stage's deadline on one case, with what has fired and whether it was met. Plain data, stored as it is.</summary>
public sealed class StageDeadline
{
    public string Name { get; set; } = "";

    /// <summary>The earlier stage this one counts from once that stage stops; null counts from receipt.</summary>
    public string? After { get; set; }

    /// <summary>When the stage's time started: receipt, or the moment the stage named in <see cref="After"/> stopped.</summary>
    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>True when <see cref="DueAt"/> is the record's own <c>regulator.dueAt</c> rather than the rule's.</summary>
    public bool FromRecord { get; set; }

    /// <summary>True once the case was marked exceptional and the stage's longer length applies.</summary>
    public bool Exceptional { get; set; }

    public StopCondition StopsOn { get; set; }

    /// <summary>The highest warning fraction that has fired (0: none); the lower ones count as fired too.</summary>
    public double Warned { get; set; }

    /// <summary>True once the breach has fired; a breached stage fires nothing more.</summary>
    public bool Breached { get; set; }

    /// <summary>When the operator action that meets the stage happened; a stopped stage fires nothing more.</summary>
    public DateTimeOffset? StoppedAt { get; set; }

    [JsonIgnore]
    public bool IsOpen => StoppedAt is null;

    /// <summary>True when stopped before the deadline, false when stopped at or after it, null while open.</summary>
    [JsonIgnore]
    public bool? Met => StoppedAt is { } stopped ? stopped < DueAt : null;

    public StageDeadline Copy() => (StageDeadline)MemberwiseClone();
}
