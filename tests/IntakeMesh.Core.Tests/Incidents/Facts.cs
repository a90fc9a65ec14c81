using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Tests.Incidents;

/// <summary>Complaint facts for the rule tests: one product key, a fixed start, times as offsets.</summary>
internal static class Facts
{
    public const string Key = "brand:a|sku:1";

    public static readonly DateTimeOffset T0 = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    public static ComplaintFact Of(string customer, TimeSpan after, Channel channel = Channel.Phone, string? eventId = null, string key = Key) =>
        new(eventId ?? $"{customer}-{after.Ticks}", channel, T0 + after, customer, key,
            ComplaintCategory.ProductQuality, Urgency.Past, EmotionLevel.Dissatisfied, RiskSignals.None);

    public static Incident Run(DetectionOptions options, IEnumerable<ComplaintFact> facts)
    {
        var incident = new Incident(new IncidentState(), options);
        foreach (var fact in facts)
        {
            incident.Apply(fact);
        }
        return incident;
    }

    public static Incident Run(params ComplaintFact[] facts) => Run(new DetectionOptions(), facts);

    public static TimeSpan Hours(double hours) => TimeSpan.FromHours(hours);

    public static TimeSpan Days(double days) => TimeSpan.FromDays(days);
}
