using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// The configured products and stores, found in folded complaint text in one pass. The longest
/// alias wins, so "AX-7 Pro" is not taken for "AX-7".
/// </summary>
public sealed class ProductCatalog
{
    private readonly List<(CatalogEntry Entry, string Alias)> _aliases = [];
    private readonly Dictionary<string, CatalogEntry> _bySku = new(StringComparer.OrdinalIgnoreCase);
    private readonly TermAutomaton? _automaton;

    public ProductCatalog(IEnumerable<CatalogEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (!string.IsNullOrWhiteSpace(entry.Sku))
            {
                _bySku[entry.Sku.Trim()] = entry;
            }
            IEnumerable<string?> names = [.. entry.Aliases, entry.Product, entry.Store];
            foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct())
            {
                var folded = TextNormalizer.Normalize(name!).Trim();
                if (folded.Length >= 2)
                {
                    _aliases.Add((entry, folded));
                }
            }
        }
        if (_aliases.Count > 0)
        {
            _automaton = new TermAutomaton([.. _aliases.Select(a => a.Alias)]);
        }
    }

    public static ProductCatalog Empty { get; } = new([]);

    /// <summary>The entry whose longest alias appears in the folded text, with that alias.</summary>
    public (CatalogEntry Entry, string Alias)? Match(string foldedText)
    {
        if (_automaton is null)
        {
            return null;
        }
        var state = 0;
        var best = -1;
        foreach (var c in foldedText)
        {
            state = _automaton.Step(state, c);
            foreach (var index in _automaton.Matches(state))
            {
                if (best < 0 || _aliases[index].Alias.Length > _aliases[best].Alias.Length)
                {
                    best = index;
                }
            }
        }
        return best < 0 ? null : _aliases[best];
    }

    /// <summary>The catalog price of what the subject or the text names, when known.</summary>
    public decimal? PriceOf(ComplaintSubject? subject, CatalogEntry? matched) =>
        subject?.Sku is { } sku && _bySku.TryGetValue(sku.Trim(), out var entry) ? entry.Price : matched?.Price;
}
