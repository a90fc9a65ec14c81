namespace IntakeMesh.Host.Security;

/// <summary>
/// JWT bearer tokens (section "Security:Jwt"), HS256 only. A token names its caller in
/// <c>name</c> (else <c>sub</c>) and carries one or more <c>role</c> claims; it must expire.
/// </summary>
public sealed class JwtOptions
{
    /// <summary>The accepted <c>iss</c>.</summary>
    public string? Issuer { get; set; }

    /// <summary>The accepted <c>aud</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>The HMAC-SHA256 key as UTF-8, at least 32 bytes. A secret: from the environment, never a file in the repository.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How far clocks may disagree about <c>exp</c> and <c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Issuer) || !string.IsNullOrWhiteSpace(Audience) || !string.IsNullOrEmpty(SigningKey);
}
