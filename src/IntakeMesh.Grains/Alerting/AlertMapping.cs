using System.Text.Json;
using IntakeMesh.Alerts.Policy;
using IntakeMesh.Contracts.Alerts;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Grains.Alerting;

/// <summary>Turns the core's tier changes into alert messages and back out of the outbox.</summary>
internal static class AlertMapping
{
    private const int MaxAnnouncedCases = 64;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Adds to the outbox the alerts this batch's changes and new regulator cases call for: one
    /// per tier change, never one per complaint. True when an escalation was among them.
    /// </summary>
    public static bool Enqueue(IncidentGrainState state, IReadOnlyList<TierChange> changes, IReadOnlyList<ComplaintFact> batch, AlertFactory factory, DateTimeOffset now)
    {
        var incident = state.Incident;
        var newCases = NewRegulatorCases(state, batch);
        // A batch with regulator cases but no tier change still announces them.
        IEnumerable<TierChange> triggers = changes.Count > 0 || newCases.Count == 0 ? changes
            : [new TierChange(batch.Max(f => f.OccurredAt), incident.Tier, incident.Tier, incident.Phase, incident.Phase, [], Playbooks.For(incident.Tier), incident.ResponseDue ?? now)];
        var escalated = false;
        var first = true;
        foreach (var change in triggers)
        {
            state.AlertedChanges++;
            var input = Change(incident, change, state.AlertedChanges) with { NewRegulatorCases = first ? newCases : [] };
            first = false;
            foreach (var alert in factory.ForChange(input))
            {
                escalated |= alert is IncidentEscalated;
                state.Outbox.Add(Entry(alert, now));
            }
        }
        return escalated;
    }

    /// <summary>The n-th reminder of the incident's latest change.</summary>
    public static void EnqueueReminder(IncidentGrainState state, AlertFactory factory, int reminder, DateTimeOffset now)
    {
        var incident = state.Incident;
        if (incident.History.Count == 0)
        {
            return;
        }
        var latest = Change(incident, incident.History[^1], state.AlertedChanges);
        state.Outbox.Add(Entry(factory.Reminder(latest, reminder, now), now));
    }

    public static OutboxEntry Entry(IIncidentAlert alert, DateTimeOffset now) =>
        new(alert.AlertId, alert.GetType().FullName!, JsonSerializer.Serialize(alert, alert.GetType(), Json), now);

    public static object Read(OutboxEntry entry)
    {
        var type = typeof(IIncidentAlert).Assembly.GetType(entry.Type)
            ?? throw new InvalidOperationException($"unknown alert type {entry.Type}");
        return JsonSerializer.Deserialize(entry.Json, type, Json)!;
    }

    private static IncidentChange Change(IncidentState incident, TierChange change, int sequence)
    {
        var summary = IncidentSummary.From(incident);
        return new IncidentChange(summary.Id, summary.Key, sequence, change.At,
            change.FromTier.ToString(), change.ToTier.ToString(), change.ToPhase.ToString(), change.Reasons)
        {
            Participants = summary.Participants,
            ComplaintsByChannel = incident.ComplaintsByChannel.ToDictionary(c => c.Key.ToString().ToLowerInvariant(), c => c.Value),
            Starter = summary.Starter is { } starter ? new AlertStarter(starter.CustomerKey, starter.Channel.ToString().ToLowerInvariant()) : null,
            Playbook = change.Playbook,
            ResponseDue = change.ResponseDue,
        };
    }

    private static List<RegulatorCaseFact> NewRegulatorCases(IncidentGrainState state, IReadOnlyList<ComplaintFact> batch)
    {
        var cases = batch
            .Where(f => f.Channel == Channel.Regulator)
            .Select(f => new RegulatorCaseFact(f.RegulatorCase ?? f.EventId, f.RegulatorDueAt))
            .DistinctBy(c => c.CaseReference)
            .Where(c => !state.AnnouncedRegulatorCases.Contains(c.CaseReference))
            .ToList();
        state.AnnouncedRegulatorCases.AddRange(cases.Select(c => c.CaseReference));
        if (state.AnnouncedRegulatorCases.Count > MaxAnnouncedCases)
        {
            state.AnnouncedRegulatorCases.RemoveRange(0, state.AnnouncedRegulatorCases.Count - MaxAnnouncedCases);
        }
        return cases;
    }
}
