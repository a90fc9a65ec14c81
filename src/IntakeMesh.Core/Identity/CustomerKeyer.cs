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

    public CustomerKeyer(ReadOnlySpan<byte> secret, string? defaultCountryCode = null)
    {
        if (secret.Length < 16)
        {
            throw new ArgumentException("the identity HMAC secret must be at least 16 bytes", nameof(secret));
        }
        _secret = secret.ToArray();
        _defaultCountryCode = defaultCountryCode;
    }

    public CustomerIdentity Identify(CustomerIdentifiers customer, string? socialPlatform = null)
    {
        var hashes = new List<IdentifierHash>(4);
        Add(hashes, IdentifierKind.CrmId, IdentifierNormalizer.CrmId(customer.Id));
        Add(hashes, IdentifierKind.Phone, IdentifierNormalizer.Phone(customer.Phone, _defaultCountryCode));
        Add(hashes, IdentifierKind.Email, IdentifierNormalizer.Email(customer.Email));
        Add(hashes, IdentifierKind.Handle, IdentifierNormalizer.Handle(customer.Handle, socialPlatform));
        if (hashes.Count == 0)
        {
            throw new ArgumentException("the customer has no usable identifier", nameof(customer));
        }
        return new CustomerIdentity(CustomerIdentity.KeyOf(hashes[0]), hashes);
    }

    private void Add(List<IdentifierHash> hashes, IdentifierKind kind, string? normalized)
    {
        if (normalized is not null)
        {
            hashes.Add(new IdentifierHash(kind, Hash(kind, normalized)));
        }
    }

    private string Hash(IdentifierKind kind, string normalized)
    {
        // The kind is part of the message so that a CRM id equal to some phone number cannot collide with it.
        var message = Encoding.UTF8.GetBytes($"{kind}\n{normalized}");
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_secret, message, mac);
        return Convert.ToHexStringLower(mac[..16]);
    }
}
