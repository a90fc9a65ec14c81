namespace IntakeMesh.Core.Understanding;

/// <summary>
/// Folds text the way the default lexicon matches it: compatibility forms to plain ones (NFKC's
/// full-width to half-width, ①, ‼), lower case, and traditional to simplified Chinese for the
/// characters the lexicons use, from the lexicon's fold table.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Returns the folded text (the same instance when nothing changes). Never throws.</summary>
    public static string Normalize(string text) => Lexicon.Default.Folder.Fold(text ?? string.Empty);
}
