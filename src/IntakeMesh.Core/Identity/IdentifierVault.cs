using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace IntakeMesh.Core.Identity;

/// <summary>
/// Seals normalised identifiers with AES-256-GCM under a key ring, so grain state can keep a
/// customer's real contacts without anyone reading them from storage. A sealed value is
/// <c>v1.&lt;key id&gt;.&lt;base64url(nonce | ciphertext | tag)&gt;</c>: a fresh random nonce per
/// seal, and the version, key id and identifier kind authenticated as associated data, so a value
/// cannot be moved to another kind or key id unnoticed. The first key seals; every key opens what
/// carries its id, which is what makes rotation possible (add the new key first, keep the old ones
/// until nothing sealed under them is left).
/// </summary>
public sealed class IdentifierVault
{
    public const string Version = "v1";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly VaultKey _current;
    private readonly Dictionary<string, VaultKey> _keys = new(StringComparer.Ordinal);
    private readonly string _currentPrefix;
    private readonly Dictionary<IdentifierKind, byte[]> _currentAssociatedData;

    public IdentifierVault(IEnumerable<VaultKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        VaultKey? first = null;
        foreach (var key in keys)
        {
            if (!_keys.TryAdd(key.Id, key))
            {
                throw new ArgumentException($"key id '{key.Id}' appears twice in the key ring", nameof(keys));
            }
            first ??= key;
        }
        _current = first ?? throw new ArgumentException("the key ring needs at least one key", nameof(keys));
        if (!AesGcm.IsSupported)
        {
            throw new PlatformNotSupportedException("AES-GCM is not available on this platform");
        }
        _currentPrefix = $"{Version}.{_current.Id}.";
        _currentAssociatedData = Enum.GetValues<IdentifierKind>().ToDictionary(kind => kind, kind => AssociatedData(_current.Id, kind));
    }

    /// <summary>A vault with one random key: what is sealed opens only in this process.</summary>
    public static IdentifierVault WithRandomKey(string id = "ephemeral") =>
        new([new VaultKey(id, RandomNumberGenerator.GetBytes(VaultKey.KeyBytes))]);

    /// <summary>The key new values are sealed under.</summary>
    public string CurrentKeyId => _current.Id;

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    public string Seal(IdentifierKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var plaintext = Encoding.UTF8.GetBytes(value);
        var payload = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = payload.AsSpan(0, NonceBytes);
        var ciphertext = payload.AsSpan(NonceBytes, plaintext.Length);
        var tag = payload.AsSpan(NonceBytes + plaintext.Length);
        var sealer = Sealer.ForThisThread(_current);
        sealer.NextNonce(nonce);
        sealer.Aes.Encrypt(nonce, plaintext, ciphertext, tag, _currentAssociatedData.GetValueOrDefault(kind) ?? AssociatedData(_current.Id, kind));
        CryptographicOperations.ZeroMemory(plaintext);
        return string.Concat(_currentPrefix, Base64Url.EncodeToString(payload));
    }

    /// <summary>
    /// The normalised identifier inside <paramref name="sealedValue"/>. Throws a
    /// <see cref="CryptographicException"/> when the value is malformed, was sealed under a key id
    /// that is not in the ring, or does not authenticate (tampered, or another kind).
    /// </summary>
    public string Open(IdentifierKind kind, string sealedValue)
    {
        var (keyId, payload) = Split(sealedValue);
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"the value was sealed under key '{keyId}', which is not in the key ring");
        }
        if (payload.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("the sealed value is too short");
        }
        var plaintext = new byte[payload.Length - NonceBytes - TagBytes];
        using (var aes = new AesGcm(key.Key, TagBytes))
        {
            aes.Decrypt(
                payload.AsSpan(0, NonceBytes),
                payload.AsSpan(NonceBytes, plaintext.Length),
                payload.AsSpan(NonceBytes + plaintext.Length),
                plaintext,
                AssociatedData(keyId, kind));
        }
        var value = Encoding.UTF8.GetString(plaintext);
        CryptographicOperations.ZeroMemory(plaintext);
        return value;
    }

    public string Open(SealedIdentifier identifier) => Open(identifier.Kind, identifier.Sealed);

    public bool TryOpen(SealedIdentifier identifier, out string value)
    {
        try
        {
            value = Open(identifier);
            return true;
        }
        catch (CryptographicException)
        {
            value = "";
            return false;
        }
    }

    /// <summary>
    /// Opens a customer's identifiers for an admin's reveal. One that cannot be opened comes back
    /// with a null value rather than failing the others.
    /// </summary>
    public IReadOnlyList<RevealedIdentifier> Reveal(IEnumerable<SealedIdentifier> identifiers) =>
        [.. identifiers.Select(i => new RevealedIdentifier(i.Kind, i.Masked, TryOpen(i, out var value) ? value : null))];

    /// <summary>True when the value was sealed under the current key (nothing to re-seal).</summary>
    public bool IsCurrent(string sealedValue) => KeyIdOf(sealedValue) == _current.Id;

    /// <summary>
    /// The identifier sealed under the current key, for rotation: unchanged when it already is, or
    /// when it cannot be opened (its key left the ring), since there is nothing better to keep.
    /// </summary>
    public SealedIdentifier Reseal(SealedIdentifier identifier)
    {
        if (IsCurrent(identifier.Sealed) || !TryOpen(identifier, out var value))
        {
            return identifier;
        }
        return identifier with { Sealed = Seal(identifier.Kind, value) };
    }

    /// <summary>The key id a sealed value names, or null when it is not a sealed value.</summary>
    public static string? KeyIdOf(string? sealedValue)
    {
        if (sealedValue is null || !sealedValue.StartsWith(Version + ".", StringComparison.Ordinal))
        {
            return null;
        }
        var end = sealedValue.IndexOf('.', Version.Length + 1);
        return end < 0 ? null : sealedValue[(Version.Length + 1)..end];
    }

    private static (string KeyId, byte[] Payload) Split(string? sealedValue)
    {
        var keyId = KeyIdOf(sealedValue);
        if (keyId is null || !VaultKey.IsValidId(keyId))
        {
            throw new CryptographicException($"not a sealed identifier (expected {Version}.<key id>.<data>)");
        }
        try
        {
            return (keyId, Base64Url.DecodeFromChars(sealedValue!.AsSpan(Version.Length + keyId.Length + 2)));
        }
        catch (FormatException)
        {
            throw new CryptographicException("the sealed identifier's data is not base64url");
        }
    }

    private static byte[] AssociatedData(string keyId, IdentifierKind kind) =>
        Encoding.UTF8.GetBytes($"intakemesh-identifier\n{Version}\n{keyId}\n{kind}");

    /// <summary>
    /// One thread's AES-GCM instance for the sealing key (instances are not safe to share between
    /// the threads reading a batch, and building one per seal costs more than the seal) and a block
    /// of random bytes the nonces are cut from, so the random source is asked once per 256 seals.
    /// </summary>
    private sealed class Sealer : IDisposable
    {
        private const int NoncesPerRefill = 256;

        [ThreadStatic]
        private static Sealer? _current;

        private readonly byte[] _random = new byte[NonceBytes * NoncesPerRefill];
        private int _used = NoncesPerRefill;

        private Sealer(VaultKey key)
        {
            Key = key;
            Aes = new AesGcm(key.Key, TagBytes);
        }

        public VaultKey Key { get; }

        public AesGcm Aes { get; }

        public static Sealer ForThisThread(VaultKey key)
        {
            if (_current is not { } sealer || !ReferenceEquals(sealer.Key, key))
            {
                _current?.Dispose();
                _current = sealer = new Sealer(key);
            }
            return sealer;
        }

        public void NextNonce(Span<byte> nonce)
        {
            if (_used == NoncesPerRefill)
            {
                RandomNumberGenerator.Fill(_random);
                _used = 0;
            }
            var slice = _random.AsSpan(_used++ * NonceBytes, NonceBytes);
            slice.CopyTo(nonce);
            // A nonce is used once: wipe it from the block as it is handed out.
            slice.Clear();
        }

        public void Dispose() => Aes.Dispose();
    }
}
