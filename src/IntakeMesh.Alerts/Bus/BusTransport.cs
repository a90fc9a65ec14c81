namespace IntakeMesh.Alerts.Bus;

/// <summary>Which broker carries alerts.</summary>
public enum BusTransport
{
    /// <summary>Inside this process: nothing to install; alerts live as long as the process.</summary>
    InMemory,

    /// <summary>RabbitMQ, with publisher confirms: alerts survive a restart of the process.</summary>
    RabbitMq,
}
