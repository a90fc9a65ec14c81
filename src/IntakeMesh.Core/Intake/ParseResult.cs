using System.Diagnostics.CodeAnalysis;

namespace IntakeMesh.Core.Intake;

/// <summary>Either a parsed event or the reason the record was refused.</summary>
public readonly record struct ParseResult(ComplaintEvent? Event, ParseError? Error)
{
    [MemberNotNullWhen(true, nameof(Event))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Event is not null;
}
