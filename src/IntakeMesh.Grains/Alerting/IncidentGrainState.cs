using System.Text.Json.Serialization;
using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Grains.Alerting;

/// <summary>
/// What an incident grain stores in one write: the incident and its alert outbox, so an alert
/// is never lost between deciding it and publishing it.
/// </summary>
[JsonConverter(typeof(IncidentGrainStateJsonConverter))]
public sealed class IncidentGrainState
{
    public IncidentState Incident { get; set; } = new();

    public List<OutboxEntry> Outbox { get; set; } = [];

    /// <summary>Changes that produced alerts so far; alert ids derive from it, so a re-publish keeps its id.</summary>
    public int AlertedChanges { get; set; }

    /// <summary>Regulator cases already announced (bounded), so each case is announced once.</summary>
    public List<string> AnnouncedRegulatorCases { get; set; } = [];

    /// <summary>When the latest escalation or reminder was sent, for re-notification.</summary>
    public DateTimeOffset? LastNotifiedAt { get; set; }

    /// <summary>Reminders sent since the latest escalation.</summary>
    public int Reminders { get; set; }
}
