using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Cli.Commands;

/// <summary>
/// Builds the same <see cref="IntakeReader"/> the host builds, from the CLI's options:
/// <c>--hmac-key</c> (or Identity__HmacKey), <c>--lexicon F1,F2</c>, <c>--catalog F1,F2</c>.
/// </summary>
public static class ReaderFactory
{
    public static readonly string[] Options = ["hmac-key", "lexicon", "catalog"];

    public static IntakeReader Create(CommandLine args, TextWriter errors)
    {
        var secret = args.Option("hmac-key") ?? Environment.GetEnvironmentVariable("Identity__HmacKey");
        byte[] key;
        if (string.IsNullOrEmpty(secret))
        {
            errors.WriteLine("intakemesh: no --hmac-key or Identity__HmacKey: customer keys use a random secret for this run");
            key = RandomNumberGenerator.GetBytes(32);
        }
        else
        {
            key = Encoding.UTF8.GetBytes(secret);
            if (key.Length < 16)
            {
                throw new UsageException("--hmac-key must be at least 16 bytes");
            }
        }
        var lexicon = Lexicon.Load(Files(args, "lexicon"));
        var catalog = new ProductCatalog(Files(args, "catalog").SelectMany(ReadCatalog));
        return new IntakeReader(new IntakeLimits(), new CustomerKeyer(key, Environment.GetEnvironmentVariable("Identity__DefaultCountryCode")), new ComplaintClassifier(lexicon), catalog);
    }

    private static IReadOnlyList<string> Files(CommandLine args, string option)
    {
        var files = (args.Option(option) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"--{option}: no such file: {file}");
            }
        }
        return files;
    }

    private static List<CatalogEntry> ReadCatalog(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<List<CatalogEntry>>(File.ReadAllText(file), new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
        }
        catch (JsonException ex)
        {
            throw new UsageException($"--catalog {file}: {ex.Message}");
        }
    }
}
