namespace IntakeMesh.Core.Understanding;

/// <summary>The <c>amounts</c> section of a lexicon file: how money is written.</summary>
internal sealed class AmountGrammarDocument
{
    /// <summary>Words after a number that multiply it: 万, k, thousand.</summary>
    public Dictionary<string, decimal> Magnitudes { get; set; } = [];

    /// <summary>Symbols or words before a number naming its currency: $, ¥, rmb.</summary>
    public Dictionary<string, string> CurrencyPrefixes { get; set; } = [];

    /// <summary>Words after a number naming its currency: 元, 美元, dollars.</summary>
    public Dictionary<string, string> CurrencySuffixes { get; set; } = [];

    /// <summary>Chinese numeral characters and their values; 十 and above are multipliers.</summary>
    public Dictionary<string, decimal> Numerals { get; set; } = [];

    public void Merge(AmountGrammarDocument extension)
    {
        LexiconDocument.MergeInto(Magnitudes, extension.Magnitudes);
        LexiconDocument.MergeInto(CurrencyPrefixes, extension.CurrencyPrefixes);
        LexiconDocument.MergeInto(CurrencySuffixes, extension.CurrencySuffixes);
        LexiconDocument.MergeInto(Numerals, extension.Numerals);
    }
}
