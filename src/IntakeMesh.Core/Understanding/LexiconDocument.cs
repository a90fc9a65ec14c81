using System.Text.Json;

namespace IntakeMesh.Core.Understanding;

/// <summary>
/// The JSON shape of a lexicon file. The shipped lexicon and company extensions share it; an
/// extension only lists what it adds or changes, and <see cref="Merge"/> lays it over the base.
/// </summary>
internal sealed class LexiconDocument
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Weights and thresholds; absent values keep the base document's.</summary>
    public LexiconSettingsDocument Settings { get; set; } = new();

    /// <summary>Single characters to their canonical form (traditional to simplified, ① to 1).</summary>
    public Dictionary<string, string> Fold { get; set; } = [];

    /// <summary>The words that make up amounts of money.</summary>
    public AmountGrammarDocument Amounts { get; set; } = new();

    /// <summary>
    /// Signal (e.g. <c>risk:Media</c>) to terms and their weights. A longer term overrides the
    /// shorter terms it covers on the same signal, so weight 0 blocks a word in one phrase;
    /// <c>null</c> removes a term the base lexicon has.
    /// </summary>
    public Dictionary<string, Dictionary<string, float?>> Terms { get; set; } = [];

    public static LexiconDocument Parse(Stream json)
    {
        try
        {
            return JsonSerializer.Deserialize<LexiconDocument>(json, s_json)
                ?? throw new InvalidDataException("A lexicon file must hold a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"A lexicon file is not valid: {e.Message}", e);
        }
    }

    public void Merge(LexiconDocument extension)
    {
        Settings.Merge(extension.Settings);
        Amounts.Merge(extension.Amounts);
        MergeInto(Fold, extension.Fold);
        foreach (var (signal, terms) in extension.Terms)
        {
            if (!Terms.TryGetValue(signal, out var existing))
            {
                Terms[signal] = existing = [];
            }

            MergeInto(existing, terms);
        }
    }

    internal static void MergeInto<TValue>(Dictionary<string, TValue> target, Dictionary<string, TValue>? source)
    {
        foreach (var (key, value) in source ?? [])
        {
            target[key] = value;
        }
    }
}
