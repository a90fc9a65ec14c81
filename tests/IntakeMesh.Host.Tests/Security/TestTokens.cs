using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IntakeMesh.Host.Tests.Security;

/// <summary>
/// HS256 JWTs made by hand from the RFC 7519 layout, as any identity provider would issue them,
/// so the tests check the host against the format rather than against the library it uses.
/// </summary>
public static class TestTokens
{
    public static string Create(
        object? roles,
        string? name = "jwt-user",
        TimeSpan? expiresIn = null,
        string issuer = HostFixture.JwtIssuer,
        string audience = HostFixture.JwtAudience,
        string signingKey = HostFixture.JwtSigningKey,
        string algorithm = "HS256",
        bool expires = true)
    {
        var now = DateTimeOffset.UtcNow;
        var payload = new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["sub"] = $"subject-of-{name ?? "nobody"}",
            ["iat"] = now.ToUnixTimeSeconds(),
            // Well before any expiry a test picks, so an expired token is only expired.
            ["nbf"] = now.AddHours(-1).ToUnixTimeSeconds(),
        };
        if (expires)
        {
            payload["exp"] = now.Add(expiresIn ?? TimeSpan.FromMinutes(10)).ToUnixTimeSeconds();
        }
        if (name is not null)
        {
            payload["name"] = name;
        }
        if (roles is not null)
        {
            payload["role"] = roles;
        }
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = algorithm, typ = "JWT" }));
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes($"{header}.{body}")));
        return $"{header}.{body}.{signature}";
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
