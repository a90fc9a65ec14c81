namespace IntakeMesh.Ingestion;

/// <summary>How complaint text is read (section "Understanding").</summary>
public sealed class UnderstandingOptions
{
    public const string Section = "Understanding";

    /// <summary>Company lexicon files (JSON) added to the shipped lexicon, read at start.</summary>
    public List<string> LexiconFiles { get; set; } = [];
}
