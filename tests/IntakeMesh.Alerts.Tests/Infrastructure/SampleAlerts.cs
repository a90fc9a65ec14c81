using IntakeMesh.Alerts.Policy;
using IntakeMesh.Contracts.Alerts;

namespace IntakeMesh.Alerts.Tests.Infrastructure;

/// <summary>Alerts as the factory builds them for a battery incident, for delivery tests.</summary>
public static class SampleAlerts
{
    public static readonly DateTimeOffset At = new(2026, 11, 22, 9, 15, 0, TimeSpan.FromHours(8));

    public static AlertFactory Factory { get; } = new("https://intakemesh.example.com/incidents/");

    public static IncidentChange Change(string incidentId, string from, string to, int sequence = 1, params string[] reasons) => new(
        incidentId, "brand:aurora|sku:ax7-bat-48v", sequence, At, from, to, "Following",
        reasons.Length > 0 ? reasons : ["group forming: starter plus 2 followers within 24 h (threshold 2)"])
    {
        Participants = 3,
        ComplaintsByChannel = new Dictionary<string, long> { ["social"] = 1, ["phone"] = 2 },
        Starter = new AlertStarter("cus-3f9a1c", "social"),
        Playbook = "Handle the starter first and one-to-one.",
        ResponseDue = At.AddMinutes(30),
        Samples = [new AlertSample("cus-3f9a1c", "social", At, "ProductDefect") { Signals = ["media threat"] }],
    };

    public static IncidentEscalated Escalated(string incidentId, string from = "T1", string to = "T2", int sequence = 1) =>
        (IncidentEscalated)Factory.ForChange(Change(incidentId, from, to, sequence))[0];

    public static IncidentResolved Resolved(string incidentId, string tier = "T4") =>
        Factory.Resolved(incidentId, "brand:aurora|sku:ax7-bat-48v", tier, At.AddHours(5), "pr-desk", "replacement batteries shipped");

    /// <summary>A unique incident id, so parallel tests never share alert ids.</summary>
    public static string NewIncidentId() => "inc-" + Guid.NewGuid().ToString("N")[..12];
}
