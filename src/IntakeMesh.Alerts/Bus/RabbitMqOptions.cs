namespace IntakeMesh.Alerts.Bus;

/// <summary>The <c>Bus:RabbitMq</c> section.</summary>
public sealed class RabbitMqOptions
{
    /// <summary>
    /// The broker: a host name (<c>rabbit.internal</c>), host and port (<c>rabbit.internal:5673</c>),
    /// or an AMQP URI (<c>amqp://user:pass@rabbit.internal:5672/vhost</c>; <c>amqps://</c> for TLS).
    /// </summary>
    public string? Host { get; set; }

    /// <summary>The user; overrides one in the URI. Default guest.</summary>
    public string? Username { get; set; }

    /// <summary>The password; overrides one in the URI. Default guest.</summary>
    public string? Password { get; set; }
}
