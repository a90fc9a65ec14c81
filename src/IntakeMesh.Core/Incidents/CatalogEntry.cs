namespace IntakeMesh.Core.Incidents;

/// <summary>
/// A product or store a company knows, with the names customers call it by (in any language).
/// Complaints that name it in their text, without a subject, meet in its incident.
/// </summary>
public sealed class CatalogEntry
{
    public string Brand { get; set; } = "";
    public string? Product { get; set; }
    public string? Sku { get; set; }
    public string? Store { get; set; }

    /// <summary>Names and aliases matched in complaint text, e.g. "AX-7", "极光AX7", "極光AX7".</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>List price, for judging sky-high compensation claims.</summary>
    public decimal? Price { get; set; }
}
