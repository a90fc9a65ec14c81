namespace IntakeMesh.Core.Understanding;

/// <summary>
/// Folds text to the one form lexicon terms are written in: compatibility forms to their plain
/// equivalents (the NFKC mappings complaint text actually contains), lower case, and variant
/// characters (traditional Chinese) to canonical ones from the lexicon's fold table.
/// </summary>
/// <remarks>
/// The hosts run with invariant globalization, where <see cref="string.Normalize()"/> leaves
/// non-ASCII text untouched, so the compatibility mappings are done here: full-width ASCII and the
/// ideographic space in code, everything else (①, ‼, curly quotes...) from the lexicon's data.
/// One lookup per character keeps folding linear and allocation-free when nothing changes.
/// </remarks>
internal sealed class CharFolder
{
    // Marks a character whose fold is longer than one character; the text is in _expansions.
    private const char Expand = '\0';
    private const char Replacement = '\uFFFD';

    private readonly char[] _map = new char[char.MaxValue + 1];
    private readonly Dictionary<char, string> _expansions = [];

    public CharFolder(IReadOnlyDictionary<string, string> variants)
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            _map[c] = Simple((char)c);
        }

        foreach (var (from, to) in variants)
        {
            if (from.Length != 1 || to.Length == 0)
            {
                continue;
            }

            var key = from[0];
            var folded = FoldSimple(to);
            Assign(key, folded);

            // A variant written in upper or full-width form must fold the same as its plain form.
            var plain = Simple(key);
            if (plain != key && plain != Expand)
            {
                Assign(plain, folded);
            }
        }
    }

    /// <summary>Returns the folded text; the same instance when nothing needed folding.</summary>
    public string Fold(string text)
    {
        var first = 0;
        while (first < text.Length && _map[text[first]] == text[first] && !char.IsSurrogate(text[first]))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var length = first + FoldedLength(text.AsSpan(first));
        return string.Create(length, (Folder: this, Text: text, First: first), static (span, state) =>
            state.Folder.Write(state.Text, state.First, span));
    }

    private int FoldedLength(ReadOnlySpan<char> rest)
    {
        var length = 0;
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (char.IsHighSurrogate(c) && i + 1 < rest.Length && char.IsLowSurrogate(rest[i + 1]))
            {
                length += 2;
                i++;
            }
            else
            {
                length += _map[c] == Expand ? _expansions[c].Length : 1;
            }
        }

        return length;
    }

    private void Write(string text, int first, Span<char> output)
    {
        text.AsSpan(0, first).CopyTo(output);
        var o = first;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c))
            {
                // Pairs (emoji) pass through; a lone half would poison later encoders.
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    output[o++] = c;
                    output[o++] = text[++i];
                }
                else
                {
                    output[o++] = Replacement;
                }
            }
            else if (_map[c] == Expand)
            {
                var expansion = _expansions[c];
                expansion.CopyTo(output[o..]);
                o += expansion.Length;
            }
            else
            {
                output[o++] = _map[c];
            }
        }
    }

    private void Assign(char key, string folded)
    {
        if (folded.Length == 1)
        {
            _map[key] = folded[0];
            _expansions.Remove(key);
        }
        else
        {
            _map[key] = Expand;
            _expansions[key] = folded;
        }
    }

    private static string FoldSimple(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = Simple(source[i]);
        }
    });

    /// <summary>The fold every lexicon shares: width, case, and control characters.</summary>
    private static char Simple(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000')
        {
            return ' ';
        }
        else if (c == '\uFFE5')
        {
            return '\u00A5';
        }
        else if (c is '\n' or '\r' or '\t')
        {
            return c;
        }
        else if (char.IsControl(c))
        {
            return ' ';
        }

        return char.IsSurrogate(c) ? c : char.ToLowerInvariant(c);
    }
}
