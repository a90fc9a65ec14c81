using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Host.Security;

/// <summary>The keys callers may present: the configured hashes, plus this run's generated admin key when there is one.</summary>
public sealed class ApiKeyStore
{
    private readonly List<(byte[] Hash, Caller Caller)> _keys = [];

    public ApiKeyStore(IOptions<SecurityOptions> options, GeneratedAdminKey? generated = null)
    {
        foreach (var key in options.Value.ApiKeys)
        {
            // The validator has run: every entry has a name, a known role and a 64-digit hash.
            Roles.TryParse(key.Role, out var role);
            _keys.Add((Convert.FromHexString(key.Sha256!.Trim()), new Caller(key.Name!.Trim(), role)));
        }
        if (generated is not null)
        {
            _keys.Add((ApiKeyHash.Of(generated.Key), new Caller(GeneratedAdminKey.Name, Role.Admin)));
        }
    }

    /// <summary>The caller a key belongs to, or null. Compares every entry in constant time, so timing says nothing about near misses.</summary>
    public Caller? Find(string key)
    {
        var hash = ApiKeyHash.Of(key);
        Caller? found = null;
        foreach (var (candidate, caller) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, hash))
            {
                found ??= caller;
            }
        }
        return found;
    }
}
