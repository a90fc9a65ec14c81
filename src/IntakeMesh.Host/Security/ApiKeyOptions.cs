namespace IntakeMesh.Host.Security;

/// <summary>One API key: whose it is, its role, and the key's SHA-256; the key itself is never configured.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Names the caller in answers and in the audit log, e.g. <c>pr-desk</c>.</summary>
    public string? Name { get; set; }

    /// <summary>viewer, operator or admin.</summary>
    public string? Role { get; set; }

    /// <summary>The lowercase or uppercase hex SHA-256 of the key's UTF-8 bytes (<c>printf %s "$KEY" | sha256sum</c>).</summary>
    public string? Sha256 { get; set; }
}
