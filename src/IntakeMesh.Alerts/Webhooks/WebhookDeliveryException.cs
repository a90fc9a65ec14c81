namespace IntakeMesh.Alerts.Webhooks;

/// <summary>
/// One or more receivers did not take an alert. <see cref="Permanent"/> failures (a 4xx other
/// than 408, 425 or 429) are not retried: the same request would be refused again.
/// </summary>
public sealed class WebhookDeliveryException : Exception
{
    public WebhookDeliveryException(string message, bool permanent, Exception? inner = null)
        : base(message, inner)
    {
        Permanent = permanent;
    }

    public WebhookDeliveryException()
        : this("webhook delivery failed", permanent: false)
    {
    }

    public WebhookDeliveryException(string message)
        : this(message, permanent: false)
    {
    }

    public WebhookDeliveryException(string message, Exception inner)
        : this(message, permanent: false, inner)
    {
    }

    /// <summary>Whether retrying cannot help.</summary>
    public bool Permanent { get; }
}
