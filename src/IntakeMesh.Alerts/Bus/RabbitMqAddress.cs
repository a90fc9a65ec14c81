using System.Globalization;

namespace IntakeMesh.Alerts.Bus;

/// <summary>
/// Where and as whom to connect to RabbitMQ, read from <see cref="RabbitMqOptions"/>. Parsed
/// here rather than handed to MassTransit as a URI, so every accepted form means one thing and a
/// wrong one fails at start with the key named.
/// </summary>
public sealed record RabbitMqAddress(string Host, ushort Port, string VirtualHost, string Username, string Password, bool UseSsl)
{
    private const ushort AmqpPort = 5672;
    private const ushort AmqpsPort = 5671;

    /// <summary>Reads the options; false with a message naming the key when they are unusable.</summary>
    public static bool TryParse(RabbitMqOptions options, out RabbitMqAddress? address, out string? error)
    {
        address = null;
        error = null;
        var host = options.Host?.Trim();
        if (string.IsNullOrEmpty(host))
        {
            error = "Bus:RabbitMq:Host is required when Bus:Transport is RabbitMq";
            return false;
        }
        string? uriUser = null;
        string? uriPassword = null;
        if (host.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(host, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || uri.Host.Length == 0)
            {
                error = "Bus:RabbitMq:Host must be a host name, host:port, or an amqp:// or amqps:// URI";
                return false;
            }
            var ssl = uri.Scheme == "amqps";
            if (uri.UserInfo.Length > 0)
            {
                var parts = uri.UserInfo.Split(':', 2);
                uriUser = Uri.UnescapeDataString(parts[0]);
                uriPassword = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
            }
            // In an AMQP URI the path is the virtual host; none (or "/") means the default "/".
            var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            address = new RabbitMqAddress(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? (ssl ? AmqpsPort : AmqpPort) : (ushort)uri.Port,
                path.Length == 0 ? "/" : path, options.Username ?? uriUser ?? "guest", options.Password ?? uriPassword ?? "guest", ssl);
            return true;
        }
        var port = AmqpPort;
        var colon = host.LastIndexOf(':');
        if (colon > 0)
        {
            if (!ushort.TryParse(host.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port == 0)
            {
                error = $"Bus:RabbitMq:Host has no valid port: '{host}'";
                return false;
            }
            host = host[..colon];
        }
        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            error = $"Bus:RabbitMq:Host is not a host name: '{host}'";
            return false;
        }
        address = new RabbitMqAddress(host, port, "/", options.Username ?? "guest", options.Password ?? "guest", UseSsl: port == AmqpsPort);
        return true;
    }

    /// <summary>For logs: everything but the password.</summary>
    public override string ToString() => $"{(UseSsl ? "amqps" : "amqp")}://{Username}@{Host}:{Port}/{Uri.EscapeDataString(VirtualHost)}";
}
