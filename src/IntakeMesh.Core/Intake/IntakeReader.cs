using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Intake;

/// <summary>
/// Turns one record's bytes into what the grains need: validate, parse, classify, pseudonymise
/// the customer and name the incident. Stateless and thread-safe, so ingestion runs it in parallel.
/// </summary>
public sealed class IntakeReader(IntakeLimits limits, CustomerKeyer keyer, ComplaintClassifier classifier)
{
    public IntakeOutcome Read(Channel channel, ReadOnlySpan<byte> value, DateTimeOffset? receivedAt = null)
    {
        var parsed = EventParser.Parse(value, limits);
        if (!parsed.IsValid)
        {
            return new IntakeOutcome(null, null, parsed.Error);
        }
        var complaint = parsed.Event;
        return new IntakeOutcome(complaint, Understand(channel, complaint, receivedAt), null);
    }

    public ComplaintFact Understand(Channel channel, ComplaintEvent complaint, DateTimeOffset? receivedAt = null)
    {
        var identity = keyer.Identify(complaint.Customer, complaint.Social?.Platform);
        var classification = classifier.Classify(complaint.Text);
        var incidentKey = IncidentKeys.FromSubject(complaint.Subject)
            ?? IncidentKeys.FromText(TextNormalizer.Normalize(complaint.Text));
        return new ComplaintFact(
            complaint.EventId,
            channel,
            complaint.OccurredAt,
            identity.CustomerKey,
            incidentKey,
            classification.Category,
            classification.Urgency,
            classification.Emotion,
            classification.Risks)
        {
            Followers = complaint.Social?.Followers,
            RegulatorCase = complaint.Regulator?.CaseRef,
            RegulatorDueAt = complaint.Regulator?.DueAt,
            ReceivedAt = receivedAt,
        };
    }
}

/// <summary>One record read: the event and its fact, or the reason it was refused.</summary>
public sealed record IntakeOutcome(ComplaintEvent? Event, ComplaintFact? Fact, ParseError? Error);
