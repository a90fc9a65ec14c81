namespace IntakeMesh.Contracts.Alerts;

/// <summary>
/// One complaint of an incident, as evidence in an alert. Carries what the complaint was about
/// and its signals, never its text or any raw identifier, because alerts leave the system.
/// </summary>
/// <param name="CustomerKey">The pseudonymous customer key.</param>
/// <param name="Channel">phone, email, social or regulator.</param>
/// <param name="At">When the complaint happened.</param>
/// <param name="Category">The classified complaint category.</param>
public sealed record AlertSample(string CustomerKey, string Channel, DateTimeOffset At, string Category)
{
    /// <summary>Signals the complaint raised, for example "media threat" or "safety".</summary>
    public IReadOnlyList<string> Signals { get; init; } = [];
}
