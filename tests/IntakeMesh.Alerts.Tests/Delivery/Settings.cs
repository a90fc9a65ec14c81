namespace IntakeMesh.Alerts.Tests.Delivery;

/// <summary>Builds configuration entries for one or more webhooks.</summary>
internal static class Settings
{
    public static Dictionary<string, string?> Webhook(int index, string url, string minTier = "T0", string format = "json", string? secret = null,
        string? routingKey = null, string? timeout = null)
    {
        var prefix = $"Alerts:Webhooks:{index}:";
        var settings = new Dictionary<string, string?>
        {
            [prefix + "Url"] = url,
            [prefix + "MinTier"] = minTier,
            [prefix + "Format"] = format,
        };
        if (secret is not null)
        {
            settings[prefix + "Secret"] = secret;
        }
        if (routingKey is not null)
        {
            settings[prefix + "RoutingKey"] = routingKey;
        }
        if (timeout is not null)
        {
            settings[prefix + "Timeout"] = timeout;
        }
        return settings;
    }

    public static Dictionary<string, string?> Merge(params Dictionary<string, string?>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);
}
