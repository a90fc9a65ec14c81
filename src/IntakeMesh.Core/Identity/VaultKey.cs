namespace IntakeMesh.Core.Identity;

/// <summary>
/// One AES-256 key of the identifier vault's key ring, named by an id that every sealed value
/// carries, so a value sealed under an older key still opens after a newer one took over.
/// </summary>
public sealed class VaultKey
{
    public const int KeyBytes = 32;
    public const int MaxIdLength = 32;

    public VaultKey(string id, ReadOnlySpan<byte> key)
    {
        if (!IsValidId(id))
        {
            throw new ArgumentException($"a key id is 1 to {MaxIdLength} letters, digits, '-' or '_'", nameof(id));
        }
        if (key.Length != KeyBytes)
        {
            throw new ArgumentException($"an encryption key is {KeyBytes} bytes (AES-256), not {key.Length}", nameof(key));
        }
        Id = id;
        Key = key.ToArray();
    }

    public string Id { get; }

    internal byte[] Key { get; }

    /// <summary>The id ends up inside every sealed value, between dots, so it may not hold one.</summary>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Never the key material, whatever logs this object.</summary>
    public override string ToString() => $"VaultKey({Id})";
}
