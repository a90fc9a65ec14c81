namespace IntakeMesh.Host.Security;

/// <summary>Authentication scheme names and the headers they read.</summary>
public static class SecuritySchemes
{
    /// <summary>Picks <see cref="ApiKey"/> or <see cref="Bearer"/> by the headers a request carries.</summary>
    public const string Default = "IntakeMesh";

    public const string ApiKey = "ApiKey";

    public const string Bearer = "Bearer";

    public const string ApiKeyHeader = "X-Api-Key";
}
