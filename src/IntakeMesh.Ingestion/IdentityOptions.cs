namespace IntakeMesh.Ingestion;

/// <summary>How customer keys are derived (section "Identity").</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>The HMAC-SHA256 secret for customer keys, at least 16 bytes. Empty: a random key for this run only.</summary>
    public string? HmacKey { get; set; }

    /// <summary>Country calling code for phone numbers written without one, e.g. "86".</summary>
    public string? DefaultCountryCode { get; set; }
}
