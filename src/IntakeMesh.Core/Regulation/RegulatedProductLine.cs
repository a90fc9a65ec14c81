namespace IntakeMesh.Core.Regulation;

/// <summary>
/// Complaints about these products are regulated whatever channel they came through. Bound from
/// <c>Regulation:ProductLines:{i}</c>. Every field that is set must match (case-insensitively).
/// </summary>
public sealed class RegulatedProductLine
{
    /// <summary>The subject's brand, e.g. "aurora"; unset matches any brand.</summary>
    public string? Brand { get; set; }

    /// <summary>The subject's product, e.g. "ax7-bat-48v"; unset matches any product of the brand.</summary>
    public string? Product { get; set; }

    /// <summary>The rule's name, e.g. "uk-fca-payments".</summary>
    public string Rule { get; set; } = "";

    /// <summary>True when every field that is set equals the complaint's.</summary>
    public bool Matches(string? brand, string? product) =>
        (!string.IsNullOrWhiteSpace(Brand) || !string.IsNullOrWhiteSpace(Product))
        && Same(Brand, brand) && Same(Product, product);

    private static bool Same(string? wanted, string? actual) =>
        string.IsNullOrWhiteSpace(wanted) || string.Equals(wanted.Trim(), actual?.Trim(), StringComparison.OrdinalIgnoreCase);
}
