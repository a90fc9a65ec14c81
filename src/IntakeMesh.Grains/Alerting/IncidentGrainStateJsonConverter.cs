using System.Text.Json;
using System.Text.Json.Serialization;
using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Grains.Alerting;

/// <summary>
/// Reads an incident grain's stored state in either shape: the current one (the incident with its
/// outbox) or the first release's, which stored the bare incident. The first release had no
/// outbox, so its state loads with an empty one.
/// </summary>
public sealed class IncidentGrainStateJsonConverter : JsonConverter<IncidentGrainState>
{
    public override IncidentGrainState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.TryGetProperty("incident", out _) || root.TryGetProperty("Incident", out _))
        {
            return root.Deserialize<Stored>(options)!.ToState();
        }
        return new IncidentGrainState { Incident = root.Deserialize<IncidentState>(options) ?? new IncidentState() };
    }

    public override void Write(Utf8JsonWriter writer, IncidentGrainState value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, Stored.From(value), options);

    /// <summary>The current shape, as plain data.</summary>
    private sealed record Stored(IncidentState Incident, List<OutboxEntry>? Outbox, int AlertedChanges, List<string>? AnnouncedRegulatorCases, DateTimeOffset? LastNotifiedAt, int Reminders)
    {
        public static Stored From(IncidentGrainState state) =>
            new(state.Incident, state.Outbox, state.AlertedChanges, state.AnnouncedRegulatorCases, state.LastNotifiedAt, state.Reminders);

        public IncidentGrainState ToState() => new()
        {
            Incident = Incident,
            Outbox = Outbox ?? [],
            AlertedChanges = AlertedChanges,
            AnnouncedRegulatorCases = AnnouncedRegulatorCases ?? [],
            LastNotifiedAt = LastNotifiedAt,
            Reminders = Reminders,
        };
    }
}
