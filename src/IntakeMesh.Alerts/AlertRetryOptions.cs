namespace IntakeMesh.Alerts;

/// <summary>
/// The <c>Alerts:Retry</c> section: a failed notification is tried again after
/// <see cref="MinInterval"/>, then with exponentially growing waits up to <see cref="MaxInterval"/>,
/// <see cref="Limit"/> times; then it goes to the endpoint's error queue.
/// </summary>
public sealed class AlertRetryOptions
{
    /// <summary>Retries after the first attempt. Default 5.</summary>
    public int Limit { get; set; } = 5;

    /// <summary>The first wait. Default 1 s.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait. Default 2 minutes.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The base the waits grow by (MassTransit's exponential interval delta). Default 2 s.</summary>
    public TimeSpan IntervalDelta { get; set; } = TimeSpan.FromSeconds(2);
}
