using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Intake;

/// <summary>
/// Turns one record's bytes into what the grains need: validate, parse, classify, pseudonymise
/// the customer and name the incident. Stateless and thread-safe, so ingestion runs it in parallel.
/// </summary>
public sealed class IntakeReader(IntakeLimits limits, CustomerKeyer keyer, ComplaintClassifier classifier, ProductCatalog catalog)
{
    public IntakeOutcome Read(Channel channel, ReadOnlySpan<byte> value, DateTimeOffset? receivedAt = null)
    {
        var parsed = EventParser.Parse(value, limits);
        if (!parsed.IsValid)
        {
            return new IntakeOutcome(null, null, parsed.Error);
        }
        var understood = Understand(channel, parsed.Event, receivedAt);
        return new IntakeOutcome(parsed.Event, understood, null);
    }

    public Understood Understand(Channel channel, ComplaintEvent complaint, DateTimeOffset? receivedAt = null)
    {
        var identity = keyer.Identify(complaint.Customer, complaint.Social?.Platform);
        var folded = TextNormalizer.Normalize(complaint.Text);
        var key = IncidentKeys.Choose(complaint.Subject, folded, catalog);
        var classification = classifier.Classify(complaint.Text, catalog.PriceOf(complaint.Subject, key.Entry));
        var fact = new ComplaintFact(
            complaint.EventId,
            channel,
            complaint.OccurredAt,
            identity.CustomerKey,
            key.Key,
            classification.Category,
            classification.Urgency,
            classification.Emotion,
            classification.Risks)
        {
            LinkedKeys = [.. identity.Identifiers.Skip(1).Select(CustomerIdentity.KeyOf)],
            Followers = complaint.Social?.Followers,
            RegulatorCase = complaint.Regulator?.CaseRef,
            RegulatorDueAt = complaint.Regulator?.DueAt,
            ReceivedAt = receivedAt,
            PostId = complaint.Social?.PostId,
            ReplyTo = complaint.Social?.ReplyTo,
            RepostOf = complaint.Social?.RepostOf,
            TextSimHash = TextSimHash.Compute(folded),
            DemandsCompensation = classification.Demands.Any(d => d.Kind == DemandKind.Compensate),
        };
        return new Understood(fact, identity, classification, key);
    }
}

/// <summary>One record read: the event and what was understood of it, or the reason it was refused.</summary>
public sealed record IntakeOutcome(ComplaintEvent? Event, Understood? Understood, ParseError? Error)
{
    public ComplaintFact? Fact => Understood?.Fact;
}

/// <summary>Everything read from one valid event: the fact for the grains and how it was derived.</summary>
public sealed record Understood(ComplaintFact Fact, CustomerIdentity Identity, Classification Classification, IncidentKeyChoice Key);
