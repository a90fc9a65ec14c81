using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Core.Explain;

/// <summary>
/// Which incident key a complaint got and why: the subject field that named it, the catalog entry
/// and alias found in the text, or the text fingerprint with its distance to the nearest complaint
/// already in the incident; and the incident (wave) it joined, when one took it.
/// </summary>
public sealed record IncidentKeyExplanation(string Key, IncidentKeySource Source, string? IncidentId)
{
    /// <summary>For <see cref="IncidentKeySource.Subject"/>: the most specific subject field (sku, batch, product or store).</summary>
    public string? SubjectField { get; init; }

    /// <summary>For <see cref="IncidentKeySource.Catalog"/>: the entry and the alias that matched.</summary>
    public CatalogMatch? Catalog { get; init; }

    /// <summary>For <see cref="IncidentKeySource.Fingerprint"/>: the nearest text already in the incident.</summary>
    public FingerprintMatch? Fingerprint { get; init; }

    /// <summary>The same, in a sentence.</summary>
    public string Summary => Source switch
    {
        IncidentKeySource.Subject => $"{Key} from the subject field '{SubjectField}'",
        IncidentKeySource.Catalog => $"{Key} from catalog entry {Catalog?.Describe()}, whose alias '{Catalog?.Alias}' is in the text",
        _ => Fingerprint switch
        {
            { Nearest: { } nearest } => $"{Key} from the text fingerprint (no subject, no catalog name in the text); nearest complaint in the incident {nearest}, {Fingerprint.Distance} bits apart (SimHash)",
            not null => $"{Key} from the text fingerprint (no subject, no catalog name in the text); the first text in the incident",
            _ => $"{Key} from the text fingerprint (no subject, no catalog name in the text)",
        },
    };
}

/// <summary>The catalog entry a complaint's text named, and the alias found (folded).</summary>
public sealed record CatalogMatch(string Alias, string Brand, string? Product, string? Sku, string? Store)
{
    public string Describe() => string.Join(" / ", new[] { Brand, Product, Sku, Store }.Where(v => !string.IsNullOrEmpty(v)));
}

/// <summary>The nearest complaint text already in the incident and its SimHash distance in bits; nulls when there was none.</summary>
public sealed record FingerprintMatch(string? Nearest, int? Distance);
