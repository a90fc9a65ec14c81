using System.Security.Cryptography;
using System.Text;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Identity;

/// <summary>
/// Derives pseudonymous customer keys: HMAC-SHA256 under a configured secret of the strongest
/// normalised identifier (CRM id, then E.164 phone, then email, then platform:handle).
/// A keyed hash, not a plain one, so that nobody without the secret can test a phone number
/// against a key.
/// </summary>
public sealed class CustomerKeyer
{
    private readonly byte[] _secret;
    private readonly string? _defaultCountryCode;

    // One keyed HMAC per thread, reset after each use: setting the key up per hash cost more than
    // the hash (the threads reading a batch each hash thousands of identifiers).
    private readonly ThreadLocal<IncrementalHash> _hmac;

    public CustomerKeyer(ReadOnlySpan<byte> secret, string? defaultCountryCode = null)
    {
        if (secret.Length < 16)
        {
            throw new ArgumentException("the identity HMAC secret must be at least 16 bytes", nameof(secret));
        }
        _secret = secret.ToArray();
        _defaultCountryCode = defaultCountryCode;
        _hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _secret));
    }

    public CustomerIdentity Identify(CustomerIdentifiers customer, string? socialPlatform = null) =>
        Identify(Normalize(customer, socialPlatform));

    /// <summary>The key and hashes of identifiers already normalised (strongest first, as <see cref="Normalize"/> gives them).</summary>
    public CustomerIdentity Identify(IReadOnlyList<NormalizedIdentifier> identifiers)
    {
        if (identifiers.Count == 0)
        {
            throw new ArgumentException("the customer has no usable identifier", nameof(identifiers));
        }
        var hashes = new IdentifierHash[identifiers.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = new IdentifierHash(identifiers[i].Kind, Hash(identifiers[i].Kind, identifiers[i].Value));
        }
        return new CustomerIdentity(CustomerIdentity.KeyOf(hashes[0]), hashes);
    }

    /// <summary>
    /// The event's identifiers in canonical spelling, strongest first; empty when none is usable
    /// (a phone with no digit, a bare "@" handle).
    /// </summary>
    public IReadOnlyList<NormalizedIdentifier> Normalize(CustomerIdentifiers customer, string? socialPlatform = null)
    {
        var identifiers = new List<NormalizedIdentifier>(4);
        Add(identifiers, IdentifierKind.CrmId, IdentifierNormalizer.CrmId(customer.Id));
        Add(identifiers, IdentifierKind.Phone, IdentifierNormalizer.Phone(customer.Phone, _defaultCountryCode));
        Add(identifiers, IdentifierKind.Email, IdentifierNormalizer.Email(customer.Email));
        Add(identifiers, IdentifierKind.Handle, IdentifierNormalizer.Handle(customer.Handle, socialPlatform));
        return identifiers;
    }

    private static void Add(List<NormalizedIdentifier> identifiers, IdentifierKind kind, string? normalized)
    {
        if (normalized is not null)
        {
            identifiers.Add(new NormalizedIdentifier(kind, normalized));
        }
    }

    private string Hash(IdentifierKind kind, string normalized)
    {
        // The kind is part of the message so that a CRM id equal to some phone number cannot collide with it.
        var message = Encoding.UTF8.GetBytes($"{kind}\n{normalized}");
        Span<byte> mac = stackalloc byte[32];
        var hmac = _hmac.Value!;
        hmac.AppendData(message);
        hmac.GetHashAndReset(mac);
        return Convert.ToHexStringLower(mac[..16]);
    }

}
