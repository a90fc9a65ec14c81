namespace IntakeMesh.Core.Identity;

/// <summary>
/// A customer's pseudonymous key and the keyed hashes of every identifier the event carried
/// (strongest first). Holds no raw identifier, so it is safe in grain keys, logs and metrics.
/// </summary>
public sealed record CustomerIdentity(string CustomerKey, IReadOnlyList<IdentifierHash> Identifiers)
{
    /// <summary>The customer key an identifier would have on its own.</summary>
    public static string KeyOf(IdentifierHash identifier) => "cus-" + identifier.Hash;
}

/// <summary>The keyed hash of one normalised identifier.</summary>
public sealed record IdentifierHash(IdentifierKind Kind, string Hash);
