using System.Text.Json;
using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Ingestion;

/// <summary>The company's products and stores (section "Catalog"): inline entries and JSON files of entries.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    public List<CatalogEntry> Entries { get; set; } = [];

    /// <summary>JSON files, each an array of entries ({"brand","product","sku","store","aliases":[…],"price"}).</summary>
    public List<string> Files { get; set; } = [];

    public ProductCatalog Build()
    {
        var entries = new List<CatalogEntry>(Entries);
        foreach (var file in Files)
        {
            entries.AddRange(JsonSerializer.Deserialize<List<CatalogEntry>>(File.ReadAllText(file), new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new InvalidDataException($"catalog file {file} holds no entries"));
        }
        return new ProductCatalog(entries);
    }
}
