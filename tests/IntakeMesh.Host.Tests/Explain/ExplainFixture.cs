namespace IntakeMesh.Host.Tests.Explain;

/// <summary>The in-process host with a product catalog, so that a complaint naming a product in its text meets on it.</summary>
public sealed class ExplainFixture : HostFixture
{
    /// <summary>The same catalog as a file, for the replay verb's --catalog.</summary>
    public const string CatalogJson = """[{"brand":"Zephyr","product":"Zephyr kettle","sku":"ZK-1","aliases":["zephyr kettle"]}]""";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Catalog:Entries:0:Brand"] = "Zephyr";
        settings["Catalog:Entries:0:Product"] = "Zephyr kettle";
        settings["Catalog:Entries:0:Sku"] = "ZK-1";
        settings["Catalog:Entries:0:Aliases:0"] = "zephyr kettle";
    }
}
