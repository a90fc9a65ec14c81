namespace IntakeMesh.Core.Intake;

/// <summary>Why a record is not a valid event: a <see cref="RejectReason"/> code, the field (JSON path) and a sentence.</summary>
public sealed record ParseError(string Reason, string Field, string Message)
{
    public override string ToString() => $"{Reason} at {Field}: {Message}";
}
