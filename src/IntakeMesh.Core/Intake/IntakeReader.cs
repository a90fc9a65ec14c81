using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Intake;

/// <summary>
/// Turns one record's bytes into what the grains need: validate, parse, classify, pseudonymise
/// the customer, seal their identifiers and name the incident. Stateless and thread-safe, so
/// ingestion runs it in parallel (sealing is AES work best done here, off the grains' turns).
/// Without a vault (the CLI), identifiers are not kept at all.
/// </summary>
public sealed class IntakeReader(IntakeLimits limits, CustomerKeyer keyer, ComplaintClassifier classifier, ProductCatalog catalog, IdentifierVault? vault = null)
{
    /// <summary>Reads one record; never throws: a record that cannot become a fact comes back with its reason.</summary>
    public IntakeOutcome Read(Channel channel, ReadOnlySpan<byte> value, DateTimeOffset? receivedAt = null)
    {
        var parsed = EventParser.Parse(value, limits);
        if (!parsed.IsValid)
        {
            return new IntakeOutcome(null, null, parsed.Error);
        }
        var complaint = parsed.Event;
        try
        {
            var identifiers = keyer.Normalize(complaint.Customer, complaint.Social?.Platform);
            if (identifiers.Count == 0)
            {
                return new IntakeOutcome(null, null, new ParseError(RejectReason.InvalidValue, UnusableField(complaint.Customer),
                    "the customer has no usable identifier: a phone needs digits, a handle a name"));
            }
            return new IntakeOutcome(complaint, Understand(channel, complaint, identifiers, receivedAt), null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A defect must not hold the partition forever: park the record, which keeps its bytes for a replay once fixed.
            return new IntakeOutcome(null, null, new ParseError(RejectReason.Unreadable, "$", $"reading the event failed: {ex.GetType().Name}: {ex.Message}"));
        }
    }

    public Understood Understand(Channel channel, ComplaintEvent complaint, DateTimeOffset? receivedAt = null) =>
        Understand(channel, complaint, keyer.Normalize(complaint.Customer, complaint.Social?.Platform), receivedAt);

    private Understood Understand(Channel channel, ComplaintEvent complaint, IReadOnlyList<NormalizedIdentifier> identifiers, DateTimeOffset? receivedAt)
    {
        var identity = keyer.Identify(identifiers);
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
            Identifiers = Seal(identifiers, identity),
            Followers = complaint.Social?.Followers,
            RegulatorCase = complaint.Regulator?.CaseRef,
            RegulatorDueAt = complaint.Regulator?.DueAt,
            RegulatorBody = complaint.Regulator?.Body,
            Brand = complaint.Subject?.Brand ?? key.Entry?.Brand,
            Product = complaint.Subject?.Product ?? key.Entry?.Product,
            ReceivedAt = receivedAt,
            PostId = complaint.Social?.PostId,
            ReplyTo = complaint.Social?.ReplyTo,
            RepostOf = complaint.Social?.RepostOf,
            TextSimHash = TextSimHash.Compute(folded),
            Excerpt = ComplaintExcerpt.Of(complaint.Text),
            DemandsCompensation = classification.Demands.Any(d => d.Kind == DemandKind.Compensate),
        };
        return new Understood(fact, identity, classification, key)
        {
            Masked = [.. identifiers.Select(i => new MaskedIdentifier(i.Kind, IdentifierMasker.Mask(i.Kind, i.Value)))],
        };
    }

    private IReadOnlyList<SealedIdentifier> Seal(IReadOnlyList<NormalizedIdentifier> identifiers, CustomerIdentity identity)
    {
        if (vault is null)
        {
            return [];
        }
        var sealedIdentifiers = new SealedIdentifier[identifiers.Count];
        for (var i = 0; i < identifiers.Count; i++)
        {
            var (kind, value) = identifiers[i];
            sealedIdentifiers[i] = new SealedIdentifier(kind, identity.Identifiers[i].Hash, IdentifierMasker.Mask(kind, value), vault.Seal(kind, value));
        }
        return sealedIdentifiers;
    }

    /// <summary>The customer field to blame when none is usable: the first one given.</summary>
    private static string UnusableField(CustomerIdentifiers customer) =>
        !string.IsNullOrWhiteSpace(customer.Phone) ? "customer.phone"
        : !string.IsNullOrWhiteSpace(customer.Handle) ? "customer.handle"
        : "customer";
}

/// <summary>One record read: the event and what was understood of it, or the reason it was refused.</summary>
public sealed record IntakeOutcome(ComplaintEvent? Event, Understood? Understood, ParseError? Error)
{
    public ComplaintFact? Fact => Understood?.Fact;
}

/// <summary>Everything read from one valid event: the fact for the grains and how it was derived.</summary>
public sealed record Understood(ComplaintFact Fact, CustomerIdentity Identity, Classification Classification, IncidentKeyChoice Key)
{
    /// <summary>The event's identifiers masked for operators, strongest first (in step with <see cref="CustomerIdentity.Identifiers"/>).</summary>
    public IReadOnlyList<MaskedIdentifier> Masked { get; init; } = [];
}
