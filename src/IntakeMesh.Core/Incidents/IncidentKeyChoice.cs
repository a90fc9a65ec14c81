namespace IntakeMesh.Core.Incidents;

/// <summary>Where an incident key came from.</summary>
public enum IncidentKeySource
{
    Subject,
    Catalog,
    Fingerprint,
}

/// <summary>The incident key a complaint got, and why.</summary>
public sealed record IncidentKeyChoice(string Key, IncidentKeySource Source, string Detail, CatalogEntry? Entry = null)
{
    /// <summary>The catalog alias (folded) found in the text, when the catalog chose the key.</summary>
    public string? Alias { get; init; }
}
