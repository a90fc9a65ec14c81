using System.Reflection;

namespace IntakeMesh.Core.Understanding;

/// <summary>
/// The words, weights and thresholds a <see cref="ComplaintClassifier"/> works from, compiled for
/// one-pass matching. Everything is data: the shipped lexicon is an embedded JSON resource and a
/// company adds or reweighs terms with its own JSON files of the same schema, without recompiling.
/// Immutable once built and safe to share between threads; build it once and keep it.
/// </summary>
public sealed class Lexicon
{
    private const string DefaultResource = "IntakeMesh.Core.Understanding.lexicon.default.json";

    private static readonly Lazy<Lexicon> s_default = new(() => new Lexicon(ReadDefault()));

    private Lexicon(LexiconDocument document)
    {
        Folder = new CharFolder(document.Fold);
        Index = TermIndex.Build(document.Terms, Folder);
        Amounts = new AmountGrammar(document.Amounts, Folder);
        Settings = ClassifierSettings.From(document.Settings);
    }

    /// <summary>The lexicon shipped with IntakeMesh: Chinese (simplified and traditional) and English.</summary>
    public static Lexicon Default => s_default.Value;

    internal CharFolder Folder { get; }

    internal TermIndex Index { get; }

    internal AmountGrammar Amounts { get; }

    internal ClassifierSettings Settings { get; }

    /// <summary>
    /// Builds the default lexicon extended by company files, applied in order. An extension lists
    /// only what it adds or changes: new terms, new weights (0 removes a term), settings, fold pairs.
    /// </summary>
    /// <param name="extensionFiles">Paths of JSON files in the lexicon schema.</param>
    /// <exception cref="InvalidDataException">A file is not a valid lexicon.</exception>
    public static Lexicon Load(IEnumerable<string> extensionFiles)
    {
        ArgumentNullException.ThrowIfNull(extensionFiles);
        var document = ReadDefault();
        foreach (var path in extensionFiles)
        {
            using var stream = File.OpenRead(path);
            document.Merge(LexiconDocument.Parse(stream));
        }

        return new Lexicon(document);
    }

    private static LexiconDocument ReadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The embedded resource {DefaultResource} is missing.");
        return LexiconDocument.Parse(stream);
    }
}
