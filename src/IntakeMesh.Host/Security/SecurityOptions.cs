namespace IntakeMesh.Host.Security;

/// <summary>Who may sign in to the HTTP API, and how (section "Security").</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>API keys, each stored as its SHA-256 only (<c>Security:ApiKeys:N:Name|Role|Sha256</c>).</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>JWT bearer tokens signed with HMAC-SHA256; off while nothing in it is set.</summary>
    public JwtOptions Jwt { get; set; } = new();

    /// <summary>Serve /metrics without sign-in (the default), for scrapers that send no credentials.</summary>
    public bool AnonymousMetrics { get; set; } = true;

    /// <summary>True when any way to sign in is configured.</summary>
    public bool HasSignIn => ApiKeys.Count > 0 || Jwt.IsConfigured;
}
