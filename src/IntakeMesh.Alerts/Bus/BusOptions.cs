namespace IntakeMesh.Alerts.Bus;

/// <summary>The <c>Bus</c> section: the broker alerts travel on.</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary><c>InMemory</c> (default) or <c>RabbitMq</c>.</summary>
    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    /// <summary>The broker, when <see cref="Transport"/> is <c>RabbitMq</c>.</summary>
    public RabbitMqOptions RabbitMq { get; set; } = new();
}
