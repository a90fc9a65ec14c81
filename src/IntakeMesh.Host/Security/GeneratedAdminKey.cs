using System.Security.Cryptography;

namespace IntakeMesh.Host.Security;

/// <summary>
/// The admin key made at start when no API key or JWT is configured outside Production, so the
/// embedded default never runs open. It lives in memory for this run only and is logged once.
/// </summary>
public sealed class GeneratedAdminKey
{
    /// <summary>The caller name the audit log gives this key.</summary>
    public const string Name = "generated-admin";

    public string Key { get; } = "imk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
