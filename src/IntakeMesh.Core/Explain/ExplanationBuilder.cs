using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Core.Explain;

/// <summary>
/// Builds a complaint's explanation from the three decisions taken on it: the reading (identifiers
/// and incident key), the customer's verdict (where it was filed, redelivery, repeat contact) and
/// the incident's placement (wave, text comparison). The live pipeline and the replay engine both
/// call it with what they actually decided, so the answers match.
/// </summary>
public static class ExplanationBuilder
{
    /// <param name="reading">What reading the event decided.</param>
    /// <param name="verdict">The fact as the customer returned it.</param>
    /// <param name="placement">Where the incident put it; null when the incident did not take it (already applied, or late for a closed wave).</param>
    public static ComplaintExplanation Build(ComplaintReading reading, ComplaintFact verdict, ComplaintPlacement? placement)
    {
        // The incident drops what it already applied: a redelivery's placement, if any, is the first delivery's.
        if (verdict.Redelivered || placement?.ComplaintId != verdict.DedupId)
        {
            placement = null;
        }
        var rule = verdict.CustomerKey == reading.EventKey ? CustomerLinkRule.StrongestIdentifier : CustomerLinkRule.AliasForward;
        var customer = new CustomerLink(rule, verdict.CustomerKey, reading.EventKey, reading.Identifiers);
        return new ComplaintExplanation(
            reading.ComplaintId, reading.EventId, reading.Channel, reading.OccurredAt,
            customer, Incident(reading.Key, placement), Verdict(verdict, placement));
    }

    private static IncidentKeyExplanation Incident(IncidentKeyChoice key, ComplaintPlacement? placement)
    {
        var explanation = new IncidentKeyExplanation(key.Key, key.Source, placement?.IncidentId);
        return key.Source switch
        {
            IncidentKeySource.Subject => explanation with { SubjectField = SubjectField(key.Key) },
            IncidentKeySource.Catalog when key.Entry is { } entry => explanation with
            {
                Catalog = new CatalogMatch(key.Alias ?? "", entry.Brand, entry.Product, entry.Sku, entry.Store),
            },
            IncidentKeySource.Fingerprint when placement?.Text is { } text => explanation with
            {
                Fingerprint = new FingerprintMatch(text.NearestId, text.NearestDistance),
            },
            _ => explanation,
        };
    }

    private static DedupVerdict Verdict(ComplaintFact verdict, ComplaintPlacement? placement)
    {
        if (verdict.Redelivered)
        {
            return new DedupVerdict(DedupKind.Redelivery, verdict.DedupId, verdict.ContactNumber);
        }
        if (verdict.RepeatOf is { } first)
        {
            return new DedupVerdict(DedupKind.RepeatContact, first, verdict.ContactNumber);
        }
        if (placement?.Text is { TemplateOf: { } other } text)
        {
            return new DedupVerdict(DedupKind.TemplatedNearDuplicate, other, verdict.ContactNumber)
            {
                Distance = text.TemplateDistance,
                Threshold = text.Threshold,
            };
        }
        return new DedupVerdict(DedupKind.New, null, verdict.ContactNumber);
    }

    /// <summary>"brand:aurora|sku:ax7-bat-48v" → "sku": subject keys name their most specific field after the brand.</summary>
    private static string? SubjectField(string key)
    {
        var bar = key.IndexOf('|', StringComparison.Ordinal);
        var colon = bar < 0 ? -1 : key.IndexOf(':', bar + 1);
        return colon < 0 ? null : key[(bar + 1)..colon];
    }
}
