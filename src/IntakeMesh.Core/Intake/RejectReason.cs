namespace IntakeMesh.Core.Intake;

/// <summary>Why a record was refused: stable codes used in dead-letter headers and metrics.</summary>
public static class RejectReason
{
    public const string Oversized = "oversized";
    public const string InvalidUtf8 = "invalid_utf8";
    public const string NotJson = "not_json";
    public const string TooDeep = "too_deep";
    public const string WrongType = "wrong_type";
    public const string MissingField = "missing_field";
    public const string InvalidValue = "invalid_value";
    public const string UnknownTopic = "unknown_topic";

    /// <summary>A well-formed event that reading failed on (a defect): parked rather than left blocking its partition.</summary>
    public const string Unreadable = "unreadable";

    public static IReadOnlyList<string> All { get; } =
        [Oversized, InvalidUtf8, NotJson, TooDeep, WrongType, MissingField, InvalidValue, UnknownTopic, Unreadable];
}
