using IntakeMesh.Core.Identity;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Ingestion;

/// <summary>
/// The key ring that seals customers' identifiers in grain state (section "Security",
/// <c>Security:EncryptionKeys:N:Id</c> and <c>:Key</c>). The first key seals; every key opens
/// what was sealed under its id. Empty: a random key for this run only.
/// </summary>
public sealed class EncryptionOptions
{
    public const string Section = "Security";

    public List<EncryptionKey> EncryptionKeys { get; set; } = [];

    public IReadOnlyList<VaultKey> ToVaultKeys() => [.. EncryptionKeys.Select(k => new VaultKey(k.Id, Convert.FromBase64String(k.Key)))];
}

/// <summary>One AES-256 key: an id that is stored with every value it seals, and 32 bytes as base64.</summary>
public sealed class EncryptionKey
{
    public string Id { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>Never the key, whatever logs or binds this object.</summary>
    public override string ToString() => $"EncryptionKey({Id})";
}

/// <summary>Checks the key ring at start-up, naming the failing key's place but never its value.</summary>
public sealed class EncryptionOptionsValidator : IValidateOptions<EncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, EncryptionOptions options)
    {
        var failures = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.EncryptionKeys.Count; i++)
        {
            var key = options.EncryptionKeys[i];
            var at = $"{EncryptionOptions.Section}:EncryptionKeys:{i}";
            if (!VaultKey.IsValidId(key.Id))
            {
                failures.Add($"{at}:Id must be 1 to {VaultKey.MaxIdLength} letters, digits, '-' or '_'");
            }
            else if (!ids.Add(key.Id))
            {
                failures.Add($"{at}:Id '{key.Id}' is used by an earlier key; key ids must be unique");
            }
            if (!IsKey(key.Key))
            {
                failures.Add($"{at}:Key must be {VaultKey.KeyBytes} random bytes in base64 (e.g. `openssl rand -base64 32`)");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsKey(string? value)
    {
        Span<byte> bytes = stackalloc byte[VaultKey.KeyBytes + 3];
        return !string.IsNullOrWhiteSpace(value)
            && Convert.TryFromBase64String(value.Trim(), bytes, out var written)
            && written == VaultKey.KeyBytes;
    }
}
