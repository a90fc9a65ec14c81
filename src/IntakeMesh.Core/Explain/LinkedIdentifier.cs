using IntakeMesh.Core.Identity;

namespace IntakeMesh.Core.Explain;

/// <summary>How an event's identifier took part in finding its customer.</summary>
public enum IdentifierUse
{
    /// <summary>The strongest identifier: its keyed hash is the event's customer key.</summary>
    Key,

    /// <summary>A weaker identifier: linked to the customer as an alias, so a later event naming only it reaches the same customer.</summary>
    Alias,
}

/// <summary>One identifier of an event as an operator may see it: its kind, masked form, the customer key it has on its own, and its use.</summary>
public sealed record LinkedIdentifier(IdentifierKind Kind, string Masked, string Key, IdentifierUse Use);
