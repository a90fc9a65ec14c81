using System.Diagnostics;

namespace IntakeMesh.Ingestion;

/// <summary>
/// The spans of one batch: "intake process" (the consumed batch), with "customers submit" and
/// "incidents apply" under it; Orleans adds each grain call's span beneath those.
/// </summary>
public static class IntakeTracing
{
    public const string SourceName = "IntakeMesh";

    public static ActivitySource Source { get; } = new(SourceName);
}
