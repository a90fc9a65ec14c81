namespace IntakeMesh.Core.Identity;

/// <summary>
/// One identifier of a customer as it is kept: its kind, its keyed hash (the same one customer
/// keys are made of, so equal identifiers are recognised without opening them), a masked display
/// form for operators, and the normalised value sealed by <see cref="IdentifierVault"/>. No field
/// holds the raw value.
/// </summary>
public sealed record SealedIdentifier(IdentifierKind Kind, string Hash, string Masked, string Sealed)
{
    public MaskedIdentifier ToMasked() => new(Kind, Masked);
}

/// <summary>What an operator sees of an identifier: its kind and masked form only.</summary>
public sealed record MaskedIdentifier(IdentifierKind Kind, string Masked);

/// <summary>
/// A normalised identifier in the clear, between reading an event and sealing it; never stored.
/// Its <see cref="ToString"/> hides the value so that logging one by mistake leaks nothing.
/// </summary>
public readonly record struct NormalizedIdentifier(IdentifierKind Kind, string Value)
{
    public override string ToString() => $"{Kind}(hidden)";
}

/// <summary>An identifier opened for an admin: its value in canonical spelling, or null when it cannot be opened (its key left the ring).</summary>
public sealed record RevealedIdentifier(IdentifierKind Kind, string Masked, string? Value);
